"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useUpdatePlayMutation } from "@/lib/api/play-mutations";
import type { Play } from "@/lib/contract";
import { PlayForm } from "./play-form";
import { updateBodyOf, valuesOf } from "./play-form-values";

/** "Edit": the create form without the workflow, filled with the play's fields. */
export function EditPlayButton({ play }: { play: Play }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <Pencil aria-hidden className="size-3.5" />
        Edit
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Edit play" description="Changes apply from the next sync." width="xl">
        <EditPlayForm play={play} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function EditPlayForm({ play, onDone }: { play: Play; onDone: () => void }) {
  const update = useUpdatePlayMutation(play.uuid);
  return (
    <PlayForm
      initial={valuesOf(play)}
      submitLabel="Save"
      pendingLabel="Saving…"
      errorTitle="Could not save the play"
      pending={update.isPending}
      error={update.error}
      onCancel={onDone}
      onSubmit={(values) => update.mutate(updateBodyOf(values), { onSuccess: onDone })}
    />
  );
}

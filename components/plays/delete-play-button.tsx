"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/records/api-error-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useDeletePlayMutation } from "@/lib/api/play-mutations";
import type { Play } from "@/lib/contract";

/** "Delete", confirmed in a dialog: the play goes, its workflow, batches and runs stay. */
export function DeletePlayButton({ play }: { play: Play }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useDeletePlayMutation();
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <Trash2 aria-hidden className="size-3.5" />
        Delete
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete the play "${play.name}"?`}>
        <p className="text-sm text-fg-muted">
          Syncs stop starting batches for it. Its workflow, its batches and their runs stay, and the workflow can become a play or a tool again.
        </p>
        {remove.error && (
          <div className="mt-4">
            <ApiErrorAlert title="Could not delete the play" error={remove.error} />
          </div>
        )}
        <DialogActions>
          <Button variant="secondary" data-autofocus onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button variant="danger" disabled={remove.isPending || remove.isSuccess} onClick={() => remove.mutate(play.uuid, { onSuccess: () => router.push("/plays") })}>
            {remove.isPending ? "Deleting…" : "Delete play"}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

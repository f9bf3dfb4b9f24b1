"use client";

import { useState } from "react";
import { ApiErrorAlert } from "@/components/records/api-error-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Label } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { useCreateSegmentMutation } from "@/lib/api/segment-mutations";
import type { Filter, RecordSort, Segment } from "@/lib/contract";

/** "Save as segment": names the filter and sort in effect, and saves them for the model. */
export function SaveSegmentDialog({
  open,
  onClose,
  modelUuid,
  filter,
  sort,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  modelUuid: string;
  filter: Filter;
  sort: RecordSort;
  onSaved: (segment: Segment) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Save as segment" description="The filter and sort in effect, under a name, to load again or to run workflows on.">
      <SaveSegmentForm modelUuid={modelUuid} filter={filter} sort={sort} onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function SaveSegmentForm({ modelUuid, filter, sort, onClose, onSaved }: { modelUuid: string; filter: Filter; sort: RecordSort; onClose: () => void; onSaved: (segment: Segment) => void }) {
  const [name, setName] = useState("");
  const create = useCreateSegmentMutation();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ modelUuid, name: name.trim(), filter, sort }, { onSuccess: ({ segment }) => onSaved(segment) });
      }}
    >
      <Label htmlFor="segment-name">Segment name</Label>
      <TextInput id="segment-name" data-autofocus value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
      {create.error && (
        <div className="mt-3">
          <ApiErrorAlert title="Could not save the segment" error={create.error} />
        </div>
      )}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={!name.trim() || create.isPending}>
          {create.isPending ? "Saving…" : "Save segment"}
        </Button>
      </DialogActions>
    </form>
  );
}

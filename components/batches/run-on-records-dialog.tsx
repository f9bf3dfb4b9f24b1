"use client";

import type { ComponentProps } from "react";
import { Dialog } from "@/components/ui/dialog";
import { RunOnRecordsForm } from "./run-on-records-form";

/**
 * "Run on records" as a modal. The form mounts only while open, so it starts fresh every time;
 * the dialog is wide enough for a filter condition (column, operator, value) on one line.
 */
export function RunOnRecordsDialog({
  open,
  onClose,
  description,
  ...form
}: { open: boolean; onClose: () => void; description: string } & Omit<ComponentProps<typeof RunOnRecordsForm>, "onCancel">) {
  return (
    <Dialog open={open} onClose={onClose} title="Run on records" description={description} width="3xl">
      <RunOnRecordsForm {...form} onCancel={onClose} />
    </Dialog>
  );
}

"use client";

import { X } from "lucide-react";
import { useId, useRef } from "react";
import { trapFocus, useModalDialog } from "@/components/ui/modal-dialog";
import type { ModelColumn } from "@/lib/contract";
import { formatFull } from "./cell-format";

/**
 * One record, every field, in a panel on the right: a modal `<dialog>` (Escape or the close
 * button closes it, focus goes back to the row). Fields the model's columns do not list come last.
 */
export function RecordDrawer({
  record,
  columns,
  idColumnSlug,
  titleColumnSlug,
  onClose,
}: {
  record: Record<string, unknown> | null;
  columns: ModelColumn[];
  idColumnSlug: string;
  titleColumnSlug: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useModalDialog(ref, record !== null, (dialog) => dialog.querySelector<HTMLElement>("[data-close]")?.focus());

  const known = new Set(columns.map((column) => column.slug));
  const others = record ? Object.keys(record).filter((slug) => !known.has(slug)) : [];
  const fields = [...columns, ...others.map((slug): ModelColumn => ({ slug, label: slug, type: "any" }))];
  const title = record ? String(record[titleColumnSlug] ?? record[idColumnSlug] ?? "Record") : "";

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={trapFocus}
      onClick={(event) => event.target === event.currentTarget && onClose()}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-full max-w-lg border-l border-border bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/40"
    >
      {record && (
        <div className="flex h-full flex-col">
          <div className="flex items-start justify-between gap-4 border-b border-border px-5 py-4">
            <div className="min-w-0">
              <h2 id={titleId} className="truncate text-base font-semibold">
                {title}
              </h2>
              {record[idColumnSlug] !== undefined && <p className="truncate font-mono text-xs text-fg-muted">{String(record[idColumnSlug])}</p>}
            </div>
            <button
              type="button"
              data-close
              onClick={onClose}
              aria-label="Close"
              className="-m-1 rounded-md p-1 text-fg-muted hover:bg-surface-muted hover:text-fg"
            >
              <X aria-hidden className="size-4" />
            </button>
          </div>
          <dl className="flex-1 divide-y divide-border overflow-y-auto px-5">
            {fields.map((field) => {
              const value = formatFull(record[field.slug], field.type);
              return (
                <div key={field.slug} className="grid grid-cols-[minmax(0,10rem)_minmax(0,1fr)] gap-4 py-2.5 text-sm">
                  <dt className="min-w-0">
                    <span className="block truncate font-medium">{field.label}</span>
                    {field.label !== field.slug && <span className="block truncate font-mono text-xs text-fg-muted">{field.slug}</span>}
                  </dt>
                  <dd className="min-w-0 break-words">
                    {value.block ? (
                      <pre className="overflow-x-auto rounded-md bg-surface-muted/60 p-2 font-mono text-xs">{value.text}</pre>
                    ) : record[field.slug] === null || record[field.slug] === undefined ? (
                      <span className="text-fg-muted italic">no value</span>
                    ) : value.text === "" ? (
                      <span className="text-fg-muted italic">empty text</span>
                    ) : (
                      <>
                        {value.text}
                        {value.raw && <span className="block font-mono text-xs text-fg-muted">{value.raw}</span>}
                      </>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      )}
    </dialog>
  );
}

"use client";

import { ChevronRight } from "lucide-react";
import { Fragment, useId, useState } from "react";
import { cn } from "@/lib/utils";
import type { SchemaComponents } from "./json-schema";
import { AccessBadge, MethodBadge } from "./method-badge";
import { OperationDetails } from "./operation-details";
import type { ReferenceOperation } from "./operations";

/** One operation as a row that opens to its details: method, path, summary and who may call it. */
export function OperationItem({ entry, base, components }: { entry: ReferenceOperation; base: string; components: SchemaComponents }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const { method, path, operation } = entry;
  const name = `${method.toUpperCase()} ${path}`;
  return (
    <li className="overflow-hidden rounded-lg border border-border bg-surface shadow-xs">
      <h3>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={operation.summary ? `${name}: ${operation.summary}` : name}
          onClick={() => setOpen(!open)}
          className="flex w-full items-center gap-3 px-4 py-2.5 text-left hover:bg-surface-muted/60 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
        >
          <ChevronRight aria-hidden className={cn("size-4 shrink-0 text-fg-muted transition-transform", open && "rotate-90")} />
          <MethodBadge method={method} />
          <span className="flex min-w-0 flex-1 flex-col">
            <code className="font-mono text-sm">{withBreaks(path)}</code>
            {operation.summary && <span className="truncate text-sm text-fg-muted">{operation.summary}</span>}
          </span>
          <AccessBadge access={operation["x-relay-access"]} />
        </button>
      </h3>
      {open && (
        <div id={panelId} role="region" aria-label={`Details of ${name}`}>
          <OperationDetails entry={entry} base={base} components={components} />
        </div>
      )}
    </li>
  );
}

/** A long path wraps after a slash, never inside a segment. */
function withBreaks(path: string) {
  return path.split("/").map((segment, index) => (
    <Fragment key={index}>
      {index > 0 && (
        <>
          /<wbr />
        </>
      )}
      {segment}
    </Fragment>
  ));
}

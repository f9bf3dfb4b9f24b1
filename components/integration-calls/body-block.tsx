import type { ReactNode } from "react";
import { prettyBody } from "./pretty-body";

/** A labelled, scrolling block of text: a request's headers or one of its bodies. */
export function BodyBlock({ label, text, note }: { label: string; text: string | null; note?: ReactNode }) {
  return (
    <section aria-label={label} className="min-w-0">
      <h3 className="mb-1.5 flex flex-wrap items-baseline justify-between gap-2 text-xs font-medium tracking-wide text-fg-muted uppercase">
        {label}
        {note && <span className="font-normal tracking-normal normal-case">{note}</span>}
      </h3>
      {text === null || text === "" ? (
        <p className="rounded-md border border-border px-3 py-2 text-xs text-fg-muted italic">{text === null ? "None" : "Empty"}</p>
      ) : (
        <pre className="max-h-72 overflow-auto rounded-md border border-border bg-surface-muted/50 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap">
          {prettyBody(text)}
        </pre>
      )}
    </section>
  );
}

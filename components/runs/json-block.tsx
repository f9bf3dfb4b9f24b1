"use client";

import { Check, ChevronRight, Copy } from "lucide-react";
import { useState } from "react";
import { cn } from "@/lib/utils";

/**
 * A labelled, collapsible JSON value with a copy button. `undefined` reads "Nothing", so an
 * absent output is not mistaken for an empty one.
 */
export function JsonBlock({
  label,
  name = label,
  value,
  defaultOpen = true,
  collapsible = true,
  className,
}: {
  label: string;
  /** The accessible name of the JSON and its copy button, when the visible label needs context. */
  name?: string;
  value: unknown;
  defaultOpen?: boolean;
  /** Off where a heading already names the value: no summary line, always open. */
  collapsible?: boolean;
  className?: string;
}) {
  const text = value === undefined ? undefined : JSON.stringify(value, null, 2);
  const body = (
    <div className={cn("relative", collapsible && "border-t border-border")}>
      {text === undefined ? (
        <p className="px-3 py-2 text-xs text-fg-muted italic">Nothing</p>
      ) : (
        <>
          <pre aria-label={name} className="max-h-80 overflow-auto bg-surface-muted/50 p-3 pr-10 font-mono text-xs leading-relaxed">
            {text}
          </pre>
          <CopyButton text={text} label={name} />
        </>
      )}
    </div>
  );
  if (!collapsible) return <div className={cn("overflow-hidden rounded-md border border-border bg-surface", className)}>{body}</div>;
  return (
    <details open={defaultOpen} className={cn("group overflow-hidden rounded-md border border-border bg-surface", className)}>
      <summary className="flex cursor-pointer list-none items-center gap-1.5 px-3 py-2 text-xs font-medium text-fg-muted select-none hover:text-fg [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden className="size-3.5 transition-transform group-open:rotate-90" />
        {label}
      </summary>
      {body}
    </details>
  );
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard access refused (an insecure origin): the text stays selectable.
    }
  };
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={copied ? `${label} copied` : `Copy ${label}`}
      title={copied ? "Copied" : "Copy"}
      className="absolute top-1.5 right-1.5 rounded-md border border-border bg-surface p-1 text-fg-muted hover:text-fg"
    >
      {copied ? <Check aria-hidden className="size-3.5 text-success" /> : <Copy aria-hidden className="size-3.5" />}
    </button>
  );
}

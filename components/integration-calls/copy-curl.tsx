"use client";

import { Check, Copy } from "lucide-react";
import { useRef, useState } from "react";
import { integrationCallCurl, isCutBody, type IntegrationCall } from "@/lib/contract";
import { Button } from "@/components/ui/button";

/**
 * "Copy as curl": the call as a shell command, secrets already `[redacted]` (it is built from the
 * stored call). Shown too, so it can be read or selected where the clipboard is refused.
 */
export function CopyCurl({ call }: { call: IntegrationCall }) {
  const curl = integrationCallCurl(call);
  const pre = useRef<HTMLPreElement>(null);
  const [outcome, setOutcome] = useState<"copied" | "refused" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(curl);
      setOutcome("copied");
    } catch {
      // An insecure origin or a refused permission: select the text for Ctrl+C instead.
      if (pre.current) window.getSelection()?.selectAllChildren(pre.current);
      setOutcome("refused");
    }
  };
  return (
    <section aria-label="curl command" className="min-w-0">
      <div className="mb-1.5 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-xs font-medium tracking-wide text-fg-muted uppercase">As curl</h3>
        <div className="flex items-center gap-2">
          <p role="status" className="text-xs text-fg-muted">
            {outcome === "copied" ? "Copied to the clipboard" : outcome === "refused" ? "The browser refused the clipboard: the command is selected, press Ctrl+C" : ""}
          </p>
          <Button variant="secondary" size="sm" onClick={copy}>
            {outcome === "copied" ? <Check aria-hidden className="size-3.5 text-success" /> : <Copy aria-hidden className="size-3.5" />}
            Copy as curl
          </Button>
        </div>
      </div>
      <pre ref={pre} data-testid="curl-command" className="max-h-48 overflow-auto rounded-md border border-border bg-surface-muted/50 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap">
        {curl}
      </pre>
      {isCutBody(call.requestBody) && (
        <p className="mt-1 text-xs text-fg-muted">The body was cut at 64 KB here: the command sends the part kept.</p>
      )}
    </section>
  );
}

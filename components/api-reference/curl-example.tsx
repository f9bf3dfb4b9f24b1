"use client";

import { Check, Copy } from "lucide-react";
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { operationCurl } from "./curl";
import type { SchemaComponents } from "./json-schema";
import type { ReferenceOperation } from "./operations";

const noSubscription = () => () => {};

/** The app's own origin once in the browser (a stand-in while rendered on the server). */
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "http://localhost:3000",
  );
}

/** The operation as a curl command against this app, with a button that copies it. */
export function CurlExample({ operation, base, components }: { operation: ReferenceOperation; base: string; components: SchemaComponents }) {
  const origin = useOrigin();
  const command = operationCurl(operation, `${origin}${base}`, components);
  const [copied, setCopied] = useState(false);
  const name = `${operation.method.toUpperCase()} ${operation.path}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="relative">
      <pre aria-label={`curl example for ${name}`} className="overflow-x-auto rounded-md border border-border bg-surface-muted/50 p-3 pr-28 font-mono text-xs leading-relaxed">
        {command}
      </pre>
      <Button variant="secondary" size="sm" onClick={copy} aria-label={`Copy curl for ${name}`} className="absolute top-2 right-2">
        {copied ? <Check aria-hidden className="size-3.5" /> : <Copy aria-hidden className="size-3.5" />}
        {copied ? "Copied" : "Copy curl"}
      </Button>
      <span role="status" className="sr-only">
        {copied ? "Copied to the clipboard" : ""}
      </span>
    </div>
  );
}

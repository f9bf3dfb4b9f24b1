"use client";

import { CheckCircle2, Loader2 } from "lucide-react";
import { useEffect, useState } from "react";
import type { ExecuteConnectorActionResponseBody } from "@/lib/contract";
import { Alert } from "@/components/ui/alert";

/** The outcome of one execution: progress while the integration works, then the result or the error. */
export function ExecutionResult({
  isPending,
  error,
  result,
}: {
  isPending: boolean;
  error: Error | null;
  result: ExecuteConnectorActionResponseBody | undefined;
}) {
  if (isPending) return <ExecutingProgress />;
  if (error) return <Alert title="The action failed">{error.message}</Alert>;
  if (!result) return null;
  return (
    <section aria-label="Result" className="rounded-lg border border-success/30 bg-success/5 p-4 text-sm">
      <p className="flex items-center gap-2 font-medium">
        <CheckCircle2 aria-hidden className="size-4 text-success" />
        Executed: <span data-testid="execution-title">{result.title}</span>
      </p>
      <p className="mt-1 text-fg-muted">
        {result.attempts > 1 ? `Finished after ${result.attempts} calls (the integration answered "executing" first).` : "Finished in one call."}
        {result.childIndex !== undefined && ` Next branch: ${result.childIndex}.`}
      </p>
      {result.data && (
        <details className="mt-3" open>
          <summary className="cursor-pointer font-medium">Output data</summary>
          <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-surface-muted p-3 font-mono text-xs">{JSON.stringify(result.data, null, 2)}</pre>
        </details>
      )}
    </section>
  );
}

function ExecutingProgress() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div role="status" className="flex items-center gap-2 rounded-lg border border-border bg-surface p-4 text-sm">
      <Loader2 aria-hidden className="size-4 animate-spin text-accent" />
      Executing… {seconds > 0 && `${seconds} s; the integration is still working, checking again on its schedule.`}
    </div>
  );
}

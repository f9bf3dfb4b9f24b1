"use client";

import { useState } from "react";
import { toProblems, ValidateNodesRequestBody, type ValidateNodesResponseBody } from "@/lib/contract";
import { validateNodes } from "@/lib/workflow";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useValidationCatalog } from "@/components/workflows/use-validation-catalog";

/**
 * Test bench for browser/server agreement (`/dev/validate`): validates pasted nodes in the
 * browser with the workspace's catalog and shows the result for comparison with the API's.
 */
export function DevValidateHarness() {
  const { catalog, error } = useValidationCatalog();
  const [text, setText] = useState("[]");
  const [result, setResult] = useState<ValidateNodesResponseBody>();
  const [inputError, setInputError] = useState<string>();

  function validate() {
    if (!catalog) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (parseError) {
      setInputError(`Not JSON: ${(parseError as Error).message}`);
      return;
    }
    const parsed = ValidateNodesRequestBody.safeParse({ nodes: json });
    if (!parsed.success) {
      setInputError(toProblems(parsed.error).map((problem) => `${problem.path}: ${problem.message}`).join("; "));
      return;
    }
    setInputError(undefined);
    setResult(validateNodes(parsed.data.nodes, catalog));
  }

  return (
    <div className="flex flex-col gap-4">
      {error && <Alert title="Could not load the integrations and connectors">{error.message}</Alert>}
      <div className="flex flex-col gap-1.5">
        <label htmlFor="nodes-json" className="text-sm font-medium">
          Nodes (JSON)
        </label>
        <textarea
          id="nodes-json"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setResult(undefined);
          }}
          spellCheck={false}
          className="min-h-48 w-full rounded-md border border-border bg-surface p-3 font-mono text-xs text-fg shadow-xs focus-visible:border-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/30"
        />
      </div>
      <div className="flex items-center gap-3">
        <Button onClick={validate} disabled={!catalog}>
          Validate
        </Button>
        {!catalog && !error && <span className="text-sm text-fg-muted">Loading the catalog…</span>}
      </div>
      {inputError && <Alert title="The nodes cannot be validated">{inputError}</Alert>}
      <pre data-testid="browser-result" className="min-h-12 overflow-auto rounded-lg border border-border bg-surface p-3 font-mono text-xs">
        {result ? JSON.stringify(result, null, 2) : ""}
      </pre>
    </div>
  );
}

"use client";

import { useMemo, useState } from "react";
import { SchemaForm } from "@/components/forms/schema-form";
import { Alert } from "@/components/ui/alert";
import { useRunToolMutation } from "@/lib/api/tool-mutations";
import type { FormField } from "@/lib/contract";
import { formFieldsSchema, formFieldsUiSchema } from "@/lib/workflow/form-fields-schema";
import { ToolRunResult } from "./tool-run-result";

/**
 * The tool's form, RJSF over the same JSON Schema the server checks a run's data with. A JSON
 * field is typed as text here (RJSF has no editor for "any value") and parsed on submit. Submit
 * runs the deployed release; the run is then shown live below the form.
 */
export function ToolForm({ toolUuid, fields }: { toolUuid: string; fields: FormField[] }) {
  const run = useRunToolMutation(toolUuid);
  const [runUuid, setRunUuid] = useState<string>();
  const [jsonError, setJsonError] = useState<string>();
  const schema = useMemo(() => withJsonAsText(formFieldsSchema(fields), fields), [fields]);
  const uiSchema = useMemo(() => formFieldsUiSchema(fields), [fields]);

  const submit = (answers: Record<string, unknown>) => {
    const data = parseJsonAnswers(answers, fields);
    if ("error" in data) return setJsonError(data.error);
    setJsonError(undefined);
    run.mutate(data.value, { onSuccess: ({ run: started }) => setRunUuid(started.uuid) });
  };

  return (
    <div className="flex flex-col gap-6">
      <SchemaForm id="tool-form" schema={schema} uiSchema={uiSchema} onSubmit={submit} submitLabel={run.isPending ? "Starting…" : "Run"} disabled={run.isPending} />
      {(jsonError || run.error) && <Alert title="Could not run the tool">{jsonError ?? run.error?.message}</Alert>}
      {runUuid && <ToolRunResult runUuid={runUuid} />}
    </div>
  );
}

function withJsonAsText(schema: Record<string, unknown>, fields: FormField[]): Record<string, unknown> {
  const properties = { ...(schema.properties as Record<string, Record<string, unknown>>) };
  for (const field of fields) if (field.kind === "json") properties[field.slug] = { ...properties[field.slug], type: "string" };
  return { ...schema, properties };
}

function parseJsonAnswers(answers: Record<string, unknown>, fields: FormField[]): { value: Record<string, unknown> } | { error: string } {
  const value = { ...answers };
  for (const field of fields) {
    const text = value[field.slug];
    if (field.kind !== "json" || typeof text !== "string") continue;
    try {
      value[field.slug] = JSON.parse(text);
    } catch {
      return { error: `${field.name} is not valid JSON` };
    }
  }
  return { value };
}

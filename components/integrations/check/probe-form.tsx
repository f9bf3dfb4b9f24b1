"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { CustomIntegration, IntegrationCheckRequestBody } from "@/lib/contract";
import { Button } from "@/components/ui/button";
import { Field, textareaClass } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { connectorQueries } from "@/lib/api/connector-queries";
import { integrationQueries } from "@/lib/api/integration-queries";

/** The record JSON as an object, or why it is not one. */
function parseRecord(text: string): { record: Record<string, unknown> } | { error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return { record: value as Record<string, unknown> };
    return { error: "Enter a JSON object, e.g. {\"objectType\": \"contacts\"}" };
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * What the probes run with: one of the integration's connectors (its saved config stays on the
 * server) or none, and optionally an action with its config, executed twice.
 */
export function ProbeForm({ custom, running, onRun }: { custom: CustomIntegration; running: boolean; onRun: (body: IntegrationCheckRequestBody) => void }) {
  const id = useId();
  const connectors = useQuery(connectorQueries.list(custom.slug));
  const detail = useQuery(integrationQueries.detail(custom.slug));
  const [connectorUuid, setConnectorUuid] = useState("");
  const [actionSlug, setActionSlug] = useState("");
  const [recordText, setRecordText] = useState("{}");
  const [recordError, setRecordError] = useState<string>();
  const actions = Object.entries(detail.data?.integration.actions ?? {});
  const usable = (connectors.data?.connectors ?? []).filter((connector) => !connector.secretsLocked);

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const body: IntegrationCheckRequestBody = { uuid: custom.uuid, ...(connectorUuid && { connectorUuid }) };
        if (actionSlug) {
          const parsed = parseRecord(recordText);
          if ("error" in parsed) return setRecordError(parsed.error);
          Object.assign(body, { actionSlug, record: parsed.record });
        }
        setRecordError(undefined);
        onRun(body);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-connector`} label="Connector" hint={connectors.error ? `Could not load the connectors: ${connectors.error.message}` : "Its saved config is used on the server; none checks the manifest only."}>
          {(props) => (
            <Select {...props} value={connectorUuid} onChange={(event) => setConnectorUuid(event.target.value)} disabled={connectors.isPending}>
              <option value="">None (manifest only)</option>
              {usable.map((connector) => (
                <option key={connector.uuid} value={connector.uuid}>
                  {connector.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id={`${id}-action`} label="Action to execute" hint={connectorUuid ? "Optional. Runs twice with one Idempotency-Key: it has real effects." : "Pick a connector first."}>
          {(props) => (
            <Select {...props} value={actionSlug} onChange={(event) => setActionSlug(event.target.value)} disabled={!connectorUuid}>
              <option value="">None</option>
              {actions.map(([slug, action]) => (
                <option key={slug} value={slug}>
                  {action.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {actionSlug && connectorUuid && (
        <Field id={`${id}-record`} label="Action config (JSON)" error={recordError} hint="The config the action runs with, as a workflow node would send it.">
          {(props) => <textarea {...props} rows={5} className={textareaClass} value={recordText} onChange={(event) => setRecordText(event.target.value)} spellCheck={false} />}
        </Field>
      )}
      <Button type="submit" disabled={running}>
        {running ? "Running checks…" : connectorUuid ? "Run checks" : "Check manifest"}
      </Button>
    </form>
  );
}

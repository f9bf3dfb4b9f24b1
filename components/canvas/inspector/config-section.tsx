"use client";

import { isRecord } from "@/lib/contract/is-record";
import { SchemaForm } from "@/components/forms/schema-form";
import type { ErrorSchema } from "@rjsf/utils";
import type { WorkflowNode } from "@/lib/contract";
import { useEditor } from "../editor-context";
import { ExpressionEditor } from "../expression-editor";
import { InspectorSection } from "./inspector-section";
import { changedPath, sameValue } from "./config-diff";

type Config = Record<string, unknown>;

interface ConfigSectionProps {
  node: WorkflowNode;
  schema: Config;
  uiSchema: Config | undefined;
  integrationSlug: string;
  /** This node's validation findings about config fields, shown under them. */
  errorSchema: ErrorSchema;
}

/**
 * The action's config form, live: every edit is an `updateConfig` (one undo step per field
 * while typing), any field can switch to an expression, and validation findings show under the
 * fields they are about.
 */
export function ConfigSection({ node, schema, uiSchema, integrationSlug, errorSchema }: ConfigSectionProps) {
  const dispatch = useEditor((state) => state.dispatch);
  const empty = !isRecord(schema.properties) || Object.keys(schema.properties).length === 0;

  return (
    <InspectorSection id="inspector-config" title="Configuration">
      {empty ? (
        <p className="text-sm text-fg-muted">{isStart(node) ? "The start node's output is the data a run starts with." : "This action takes no configuration."}</p>
      ) : (
        <SchemaForm
          key={`${node.uuid}:${node.kind === "connector" ? node.integrationSlug : "native"}:${node.actionSlug}`}
          id="inspector-config-form"
          schema={schema}
          uiSchema={uiSchema}
          formData={node.config}
          connectorUuid={node.kind === "connector" ? (node.connectorUuid ?? undefined) : undefined}
          integrationSlug={integrationSlug}
          noSubmit
          expressionToggles
          expressionEditor={ExpressionEditor}
          extraErrors={errorSchema}
          onChange={(config, fieldId) => {
            // Defaults the form fills in by itself (no field behind the change) are no edit, nor is an equal config:
            // merely selecting a node must not make an undo step or unsaved changes.
            if (fieldId === undefined || sameValue(config, node.config)) return;
            const field = changedPath(node.config, config).join(".");
            dispatch({ type: "updateConfig", uuid: node.uuid, config }, { coalesceKey: `config:${node.uuid}:${field}` });
          }}
        />
      )}
    </InspectorSection>
  );
}

function isStart(node: WorkflowNode): boolean {
  return node.kind === "native" && node.actionSlug === "start";
}

"use client";

import { ownEntry } from "@/lib/contract/own-entry";
import { isRecord } from "@/lib/contract/is-record";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { IntegrationIcon } from "@/components/integrations/integration-icon";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useValidationCatalog } from "@/components/workflows/use-validation-catalog";
import { integrationQueries } from "@/lib/api/integration-queries";
import type { WorkflowNode } from "@/lib/contract";
import { GROUP_CONFIG_SCHEMA, NATIVE_INTEGRATION_SLUG } from "@/lib/workflow";
import { useEditor } from "../editor-context";
import { buildExpressionScope, ExpressionScopeProvider, useRunContext } from "../expression-editor";
import { ConfigSection } from "./config-section";
import { ConnectorSection } from "./connector-section";
import { IdentitySection } from "./identity-section";
import { nativeUiSchema } from "./native-ui-schema";
import { configErrors, nodeFindings } from "./node-findings";
import { NextStepsSection } from "./next-steps-section";
import { NodeProblems } from "./node-problems";
import { SettingsSection } from "./settings-section";

const GROUP_UI_SCHEMA = nativeUiSchema("group", undefined);

/** Everything about one node: identity, connector, config form (expressions completing from upstream), next steps and failure settings. */
export function NodeInspector({ node }: { node: WorkflowNode }) {
  const nodes = useEditor((state) => state.nodes);
  const validation = useEditor((state) => state.validation);
  const { catalog } = useValidationCatalog();
  const runContext = useRunContext();
  const integrationSlug = node.kind === "native" ? NATIVE_INTEGRATION_SLUG : node.integrationSlug;
  const detail = useQuery(integrationQueries.detail(integrationSlug));
  const integration = detail.data?.integration;
  const action = ownEntry(integration?.actions, node.actionSlug);
  const isGroup = node.kind === "native" && node.actionSlug === "group" && !action;

  const schema = isGroup ? GROUP_CONFIG_SCHEMA : action?.config.jsonSchema;
  const rawUiSchema = action?.config.uiSchema;
  const uiSchema = useMemo(
    () => (isGroup ? GROUP_UI_SCHEMA : node.kind === "native" ? nativeUiSchema(node.actionSlug, rawUiSchema) : rawUiSchema),
    [isGroup, node.kind, node.actionSlug, rawUiSchema],
  );
  const scope = useMemo(() => buildExpressionScope(nodes, node.uuid, catalog, runContext), [nodes, node.uuid, catalog, runContext]);
  const findings = useMemo(() => nodeFindings(validation, node.uuid), [validation, node.uuid]);
  const { errorSchema, unplaced } = useMemo(() => configErrors(findings, isRecord(schema?.properties) ? schema.properties : {}), [findings, schema]);

  const actionName = isGroup ? "Group" : (action?.name ?? node.actionSlug);
  const integrationName = integration?.name ?? integrationSlug;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <header className="flex items-center gap-3 border-b border-border px-4 py-3">
        {integration ? (
          <IntegrationIcon icon={integration.icon} color={integration.color} name={integration.name} className="size-9" />
        ) : (
          <Skeleton className="size-9 rounded-lg" />
        )}
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold">{node.name?.trim() || actionName}</h2>
          <p className="truncate text-xs text-fg-muted">
            {actionName} · {integrationName}
          </p>
        </div>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <NodeProblems findings={unplaced} />
        <IdentitySection key={node.uuid} node={node} />
        {node.kind === "connector" && <ConnectorSection node={node} integrationName={integrationName} />}
        <ExpressionScopeProvider scope={scope}>
          {detail.error ? (
            <div className="border-t border-border p-4">
              <Alert title={`Could not load ${integrationName}`}>{detail.error.message}</Alert>
            </div>
          ) : !integration ? (
            <div className="flex flex-col gap-3 border-t border-border p-4">
              <Skeleton className="h-4 w-24" />
              <Skeleton className="h-9 w-full" />
              <Skeleton className="h-9 w-full" />
            </div>
          ) : schema ? (
            <ConfigSection node={node} schema={schema} uiSchema={uiSchema} integrationSlug={integrationSlug} errorSchema={errorSchema} />
          ) : (
            <div className="border-t border-border p-4">
              <Alert title="Unknown action">
                {integrationName} has no action &ldquo;{node.actionSlug}&rdquo;: replace this node with one it has.
              </Alert>
            </div>
          )}
        </ExpressionScopeProvider>
        <NextStepsSection node={node} catalog={catalog} />
        {!(node.kind === "native" && node.actionSlug === "start") && <SettingsSection node={node} />}
      </div>
    </div>
  );
}

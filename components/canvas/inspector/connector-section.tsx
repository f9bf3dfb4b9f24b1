"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { connectorQueries } from "@/lib/api/connector-queries";
import type { ConnectorNode } from "@/lib/contract";
import { useEditor } from "../editor-context";
import { InspectorSection } from "./inspector-section";

/** The connector a node runs with, among its integration's connectors; a link to set one up when there is none. */
export function ConnectorSection({ node, integrationName }: { node: ConnectorNode; integrationName: string }) {
  const dispatch = useEditor((state) => state.dispatch);
  const list = useQuery(connectorQueries.list(node.integrationSlug));
  const connectors = (list.data?.connectors ?? []).filter((connector) => connector.integrationSlug === node.integrationSlug);
  const missing = node.connectorUuid !== null && list.data && !connectors.some((connector) => connector.uuid === node.connectorUuid);
  const setUpHref = `/connectors/new?integration=${encodeURIComponent(node.integrationSlug)}`;

  return (
    <InspectorSection id="inspector-connector" title="Connector">
      {list.isPending ? (
        <Skeleton className="h-9 w-full" />
      ) : list.error ? (
        <p className="text-sm text-danger">Could not load the connectors: {list.error.message}</p>
      ) : (
        <div className="flex flex-col gap-1.5">
          {/* The section's heading names the select: a second "Connector" label would only repeat it. */}
          <Select
            id="inspector-connector-select"
            aria-labelledby="inspector-connector-heading"
            aria-describedby="inspector-connector-hint"
            value={node.connectorUuid ?? ""}
            onChange={(event) => dispatch({ type: "updateNode", uuid: node.uuid, patch: { connectorUuid: event.target.value || null } })}
          >
            <option value="">{connectors.length === 0 ? "No connector available" : "Choose a connector…"}</option>
            {connectors.map((connector) => (
              <option key={connector.uuid} value={connector.uuid}>
                {connector.name}
              </option>
            ))}
            {missing && <option value={node.connectorUuid!}>Missing connector</option>}
          </Select>
          <p id="inspector-connector-hint" className="text-xs text-fg-muted">
            {connectors.length === 0 ? (
              <>
                No {integrationName} connector yet.{" "}
                <Link href={setUpHref} className="font-medium text-accent hover:underline">
                  Set up a connector
                </Link>
              </>
            ) : (
              `The ${integrationName} account this node runs with`
            )}
          </p>
        </div>
      )}
    </InspectorSection>
  );
}

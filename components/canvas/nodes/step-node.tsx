"use client";

import type { NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import { cn } from "@/lib/utils";
import type { StepNode } from "../canvas-types";
import { useEditor } from "../editor-context";
import { BaseNode, BaseNodeContent, BaseNodeHeader, BaseNodeHeaderTitle } from "./base-node";
import { nodeFindingsKey, parseFindingsKey } from "./node-findings";
import { NodeIcon } from "./node-icon";
import { NodeStatusIndicator, statusBorderClass } from "./node-status";
import { FallbackHandle, SourceHandles, TargetHandle } from "./step-handles";
import { ValidationBadge } from "./validation-badge";

/**
 * One workflow node on the canvas. It subscribes only to its own validation findings and run
 * status, so a validation or a run update re-renders just the nodes whose marks changed.
 */
function StepNodeComponent({ id, data, selected }: NodeProps<StepNode>) {
  const findingsKey = useEditor((state) => nodeFindingsKey(state.validation, id));
  const findings = useMemo(() => parseFindingsKey(findingsKey), [findingsKey]);
  const status = useEditor((state) => state.runExecutions[id]?.status ?? null);
  const subtitle = data.integrationName ? `${data.actionName} · ${data.integrationName}` : data.actionName;

  return (
    <BaseNode
      selected={selected}
      className={cn(
        "group px-3 py-2.5",
        selected && "selected",
        !selected && (statusBorderClass(status) ?? (findings.errors.length > 0 && "border-danger/50")),
      )}
    >
      {data.hasTarget && <TargetHandle />}
      <BaseNodeHeader className="w-full">
        <NodeIcon kind={data.kind} actionSlug={data.actionSlug} integrationSlug={data.integrationSlug} className="mt-0.5" />
        <div className="min-w-0 flex-1 pr-2">
          <BaseNodeHeaderTitle>{data.title}</BaseNodeHeaderTitle>
          <BaseNodeContent className="truncate">{subtitle}</BaseNodeContent>
          <BaseNodeContent className="truncate font-mono text-[11px] opacity-80">nodes.{data.slug}</BaseNodeContent>
        </div>
      </BaseNodeHeader>
      {(status || findingsKey) && (
        <div className="absolute -top-2.5 right-2 flex items-center gap-1">
          {status && <NodeStatusIndicator status={status} className="ring-2 ring-surface" />}
          <ValidationBadge findings={findings} />
        </div>
      )}
      <SourceHandles slots={data.slots} />
      {data.hasFallback && <FallbackHandle connected={data.fallbackConnected} />}
    </BaseNode>
  );
}

export const StepNodeView = memo(StepNodeComponent);

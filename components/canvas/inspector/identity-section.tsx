"use client";

import { useState } from "react";
import { inputClass } from "@/components/forms/input-class";
import type { WorkflowNode } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { useEditor } from "../editor-context";
import { InspectorField, InspectorSection } from "./inspector-section";
import { slugProblem } from "./slug";

/**
 * Name, slug and description. The slug is checked as it is typed and renamed (with every
 * `nodes.<slug>` reading it) only while valid; an invalid one stays in the input with its reason.
 */
export function IdentitySection({ node }: { node: WorkflowNode }) {
  const nodes = useEditor((state) => state.nodes);
  const dispatch = useEditor((state) => state.dispatch);
  const [slugDraft, setSlugDraft] = useState(node.slug);
  // Undo, redo or a rename elsewhere replaces what is typed.
  const [seenSlug, setSeenSlug] = useState(node.slug);
  if (node.slug !== seenSlug) {
    setSeenSlug(node.slug);
    setSlugDraft(node.slug);
  }
  const problem = slugProblem(slugDraft, node, nodes);
  const isStart = node.kind === "native" && node.actionSlug === "start";

  const changeSlug = (slug: string) => {
    setSlugDraft(slug);
    if (slug !== node.slug && slugProblem(slug, node, nodes) === null) {
      setSeenSlug(slug);
      dispatch({ type: "renameNode", uuid: node.uuid, slug }, { coalesceKey: `slug:${node.uuid}` });
    }
  };

  return (
    <InspectorSection id="inspector-node" title="Node">
      <InspectorField htmlFor="inspector-name" label="Name">
        <input
          id="inspector-name"
          className={inputClass}
          value={node.name ?? ""}
          placeholder={node.slug}
          onChange={(event) => dispatch({ type: "updateNode", uuid: node.uuid, patch: { name: event.target.value || null } }, { coalesceKey: `name:${node.uuid}` })}
        />
      </InspectorField>
      <InspectorField
        htmlFor="inspector-slug"
        label="Slug"
        error={problem}
        errorId="inspector-slug-error"
        hint={
          <>
            Later nodes read its output as <code className="font-mono">nodes.{node.slug}</code>
          </>
        }
      >
        <input
          id="inspector-slug"
          className={cn(inputClass, "font-mono text-[13px]")}
          value={slugDraft}
          readOnly={isStart}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "inspector-slug-error" : undefined}
          onChange={(event) => changeSlug(event.target.value)}
          onBlur={() => problem && setSlugDraft(node.slug)}
        />
      </InspectorField>
      <InspectorField htmlFor="inspector-description" label="Description">
        <textarea
          id="inspector-description"
          rows={2}
          className={cn(inputClass, "h-auto min-h-16 py-2 [field-sizing:content]")}
          value={node.description ?? ""}
          placeholder="What this node is for (optional)"
          onChange={(event) =>
            dispatch({ type: "updateNode", uuid: node.uuid, patch: { description: event.target.value || null } }, { coalesceKey: `description:${node.uuid}` })
          }
        />
      </InspectorField>
    </InspectorSection>
  );
}

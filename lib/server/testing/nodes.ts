import { createHash } from "node:crypto";
import type { ConnectorNode, WorkflowNode } from "@/lib/contract";

/** `{{ … }}` as the expression object a form would store. */
export const tmpl = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });

type NodeSpec = { slug: string; children?: Array<string | null>; fallbackTo?: string; kind?: WorkflowNode["kind"] } & Partial<
  Omit<ConnectorNode, "childrenUuids" | "fallbackChildUuid" | "kind">
>;

/**
 * Builds a graph from nodes that name their children by slug, with uuids derived from slugs.
 * @example graph({ slug: "start", actionSlug: "start", children: ["end"] }, { slug: "end", actionSlug: "end" })
 */
export function graph(...specs: NodeSpec[]): WorkflowNode[] {
  const uuidOf = (slug: string) => `00000000-0000-4000-8000-${createHash("sha1").update(slug).digest("hex").slice(0, 12)}`;
  return specs.map(({ slug, children, fallbackTo, ...rest }, index) => {
    const node = {
      uuid: uuidOf(slug),
      slug,
      kind: "native",
      actionSlug: slug,
      config: {},
      fallbackOnFailure: false,
      position: { x: 0, y: index * 166 },
      ...rest,
      childrenUuids: (children ?? []).map((child) => (child === null ? null : uuidOf(child))),
      ...(fallbackTo && { fallbackChildUuid: uuidOf(fallbackTo) }),
    };
    return node as WorkflowNode;
  });
}

import type { WorkflowNode } from "@/lib/contract";

const SLUG = /^[A-Za-z0-9_]+$/;
const RESERVED = ["start", "end"] as const;

/**
 * Why `slug` cannot name `node`, or null when it can: the same rules as validation (letters,
 * digits and `_`; unique; "start" and "end" kept for those nodes, the start node always "start").
 * @example slugProblem("send email", node, nodes) // "Use letters, digits and _ only (no spaces)"
 */
export function slugProblem(slug: string, node: WorkflowNode, nodes: readonly WorkflowNode[]): string | null {
  const actionSlug = node.kind === "native" ? node.actionSlug : null;
  if (actionSlug === "start" && slug !== "start") return 'The start node\'s slug is always "start"';
  if (slug === "") return "A slug is required";
  if (!SLUG.test(slug)) return /\s/.test(slug) ? "Use letters, digits and _ only (no spaces)" : "Use letters, digits and _ only";
  const reserved = RESERVED.find((word) => word === slug);
  if (reserved && actionSlug !== reserved) return `"${slug}" is reserved for the ${reserved} node`;
  const holder = nodes.find((other) => other.uuid !== node.uuid && other.slug === slug);
  if (holder) return `Another node (${holder.name?.trim() || holder.slug}) already has the slug "${slug}"`;
  return null;
}

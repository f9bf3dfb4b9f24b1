import { createHash } from "node:crypto";
import { connectorPlaceholder, type ExpressionObject, type WorkflowNode } from "@/lib/contract";

/** `{{ … }}` text computed at run time, as the editor's expression fields store it. */
export const expr = (expression: string): ExpressionObject => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });

/** The demo CRM as bootstrap registers it: the slug every CRM template's connector nodes name. */
export const DEMO_CRM = { integrationSlug: "demo_crm", name: "Demo CRM" } as const;

/** The tool form of the CRM templates that start from a contact: its email. */
export const EMAIL_FORM_FIELD = { slug: "email", name: "Email", kind: "string", description: "The contact's email address", isRequired: true } as const;

/**
 * The demo CRM lookup of the contact whose email the form gave, then `children` (found, not
 * found): the first step of the CRM tools that start from a contact.
 */
export function lookupContactByEmail(children: [string, string]): TemplateNodeSpec {
  return {
    slug: "lookup",
    name: "Look up the contact",
    actionSlug: "lookupRecord",
    integrationSlug: DEMO_CRM.integrationSlug,
    config: { objectType: "contacts", email: expr("{{nodes.start.email}}") },
    children,
  };
}

/** One node of a template, its children named by slug; `integrationSlug` makes it a connector node. */
export interface TemplateNodeSpec {
  slug: string;
  name?: string;
  actionSlug: string;
  integrationSlug?: string;
  config?: Record<string, unknown>;
  children?: string[];
}

/** Rows apart on the canvas, as the editor lays out a new node under another. */
const ROW = 166;
/** Columns apart, wide enough for two nodes side by side. */
const COLUMN = 300;

/**
 * A template's graph from nodes that name their children by slug. Uuids are derived from the
 * template and node slugs, so a template reads the same on every request (using it gives fresh
 * ones); connector nodes hold the placeholder of their integration. Nodes are laid out as a tree:
 * one row per depth, a node's children spread under it (half as wide at each fork).
 * @example templateGraph("hello", { slug: "start", actionSlug: "start", children: ["end"] }, { slug: "end", actionSlug: "end" })
 */
export function templateGraph(templateSlug: string, ...specs: TemplateNodeSpec[]): WorkflowNode[] {
  const uuidOf = (slug: string) => {
    const hex = createHash("sha1").update(`${templateSlug}/${slug}`).digest("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const positions = layout(specs);
  return specs.map((spec): WorkflowNode => {
    const base = {
      uuid: uuidOf(spec.slug),
      slug: spec.slug,
      ...(spec.name && { name: spec.name }),
      config: spec.config ?? {},
      childrenUuids: (spec.children ?? []).map(uuidOf),
      fallbackOnFailure: false,
      position: positions.get(spec.slug) ?? { x: 0, y: 0 },
    };
    return spec.integrationSlug
      ? { ...base, kind: "connector", integrationSlug: spec.integrationSlug, actionSlug: spec.actionSlug, connectorUuid: connectorPlaceholder(spec.integrationSlug) }
      : { ...base, kind: "native", actionSlug: spec.actionSlug };
  });
}

/** Depth gives the row; each child sits under its parent, siblings spread evenly around it. */
function layout(specs: TemplateNodeSpec[]): Map<string, { x: number; y: number }> {
  const bySlug = new Map(specs.map((spec) => [spec.slug, spec]));
  const positions = new Map<string, { x: number; y: number }>();
  const place = (slug: string, column: number, depth: number, width: number) => {
    if (positions.has(slug)) return;
    positions.set(slug, { x: Math.round(column * COLUMN), y: depth * ROW });
    const children = bySlug.get(slug)?.children ?? [];
    const spread = children.length > 1 ? width : 0;
    children.forEach((child, index) => place(child, column + (index - (children.length - 1) / 2) * spread, depth + 1, spread ? width / 2 : width));
  };
  if (specs[0]) place(specs[0].slug, 0, 0, 2);
  return positions;
}

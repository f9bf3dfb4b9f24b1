import type { OpenApiDocument, OpenApiMethod, OpenApiOperation } from "@/lib/contract";

/** One operation of the document, flattened with its method and path for listing and filtering. */
export interface ReferenceOperation {
  method: OpenApiMethod;
  /** OpenAPI's form, `{uuid}` for a parameter, relative to the servers. */
  path: string;
  tag: string;
  operation: OpenApiOperation;
}

/** The operations listed under one tag. */
export interface ReferenceGroup {
  tag: string;
  operations: ReferenceOperation[];
}

/** Every operation, grouped by its first tag in the document's tag order, each group in the route table's order (create, list, one, change…). */
export function groupOperations(doc: OpenApiDocument): ReferenceGroup[] {
  const byTag = new Map<string, ReferenceOperation[]>(doc.tags.map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item) as Array<[OpenApiMethod, OpenApiOperation]>) {
      const tag = operation.tags[0] ?? "Other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method, path, tag, operation });
    }
  }
  return [...byTag]
    .filter(([, operations]) => operations.length > 0)
    .map(([tag, operations]) => ({ tag, operations }));
}

/**
 * The groups narrowed to the operations whose method, path, summary, area or operation id hold
 * every word of the filter (case-insensitive), so `post connectors` finds the POSTs under Connectors.
 */
export function filterGroups(groups: readonly ReferenceGroup[], filter: string): ReferenceGroup[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  const matches = ({ method, path, tag, operation }: ReferenceOperation) => {
    const text = [method, path, tag, operation.summary ?? "", operation.operationId].join(" ").toLowerCase();
    return words.every((word) => text.includes(word));
  };
  return groups.map((group) => ({ ...group, operations: group.operations.filter(matches) })).filter((group) => group.operations.length > 0);
}

/** An anchor-safe id for a tag's section. */
export function tagAnchor(tag: string): string {
  return `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

import { type FieldPath, pathStartsWith } from "./field-path";
import { type DependencyEdge } from "./dependency-graph";

/**
 * The edges to refetch or recheck after the value at `changed` changed: those reading `changed`, a
 * value inside it (replacing an object replaces its fields) or a value containing it (editing a
 * field changes its parent). ARRAY_ITEM on either side matches any index.
 * @example dependentsOf(graph, ["objectType"]) // → the property pickers and the fields sub-form
 */
export function dependentsOf(graph: DependencyEdge[], changed: FieldPath): DependencyEdge[] {
  return graph.filter((edge) =>
    edge.dependsOn.some(({ path }) => pathStartsWith(changed, path) || pathStartsWith(path, changed)),
  );
}

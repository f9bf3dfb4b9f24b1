export { ARRAY_ITEM, type FieldPath, formatFieldPath, pathStartsWith } from "./field-path";
export { isPathExpression, referencedPath } from "./path-expression";
export { readPath } from "./read-path";
export { resolveParams, resolveParamValue } from "./resolve-params";
export { missingParams } from "./missing-params";
export { type ParamDependency, paramDependencies } from "./param-dependencies";
export {
  buildDependencyGraph,
  DATA_BOUND_WIDGETS,
  dataBoundWidgetOf,
  type DataBoundWidget,
  type DependencyEdge,
} from "./dependency-graph";
export { dependentsOf } from "./dependents-of";

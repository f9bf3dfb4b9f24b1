export { ExpressionEditor } from "./expression-editor";
export { buildExpressionScope, type ExpressionScope } from "./expression-scope";
export { ExpressionScopeProvider } from "./expression-scope-context";
export { useRunContext } from "./use-run-context";

export { ProblemsPanel } from "./problems-panel";
export { useFocusNode } from "./use-focus-node";

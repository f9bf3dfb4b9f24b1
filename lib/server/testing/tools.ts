import type { FormField, WorkflowNode } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import type { Deps } from "../deps-types";
import { deployDraft } from "../releases";
import { graph, tmpl } from "./nodes";
import { createWorkflow, updateWorkflow } from "../workflows";
import { createTool } from "../tools";

/** start → end, the end answering `{greeting: "<word>, <name>"}` from the run's data. */
export const greeting = (word: string): WorkflowNode[] =>
  graph({ slug: "start", children: ["end"] }, { slug: "end", config: { variables: [{ name: "greeting", type: "any", value: tmpl(`${word}, {{nodes.start.name}}`) }] } });

export const GREETING_FORM: FormField[] = [
  { slug: "name", name: "Name", kind: "string", isRequired: true },
  { slug: "count", name: "Count", kind: "number", isRequired: false },
];

/** A tool over a workflow deployed once with `greeting("Hello")` and its form, whose draft then says "Draft". */
export async function deployedTool(deps: Deps, workspaceUuid = DEFAULT_WORKSPACE_UUID) {
  const workflow = await createWorkflow(deps, workspaceUuid, { name: "Greeter", nodes: greeting("Hello") });
  await deployDraft(deps, workspaceUuid, null, { workflowUuid: workflow.uuid, formFields: GREETING_FORM });
  await updateWorkflow(deps, workspaceUuid, workflow.uuid, { nodes: greeting("Draft"), updatedAt: workflow.updatedAt });
  return createTool(deps, workspaceUuid, { workflowUuid: workflow.uuid, name: "Greet" });
}

import type { APIRequestContext } from "@playwright/test";
import { ToolResponseBody, WorkflowResponseBody, type FormField, type WorkflowNodeInput } from "@/lib/contract";
import { expect } from "../fixtures";

/** start → end, the end answering `{greeting: "<word>, <name>"}` from the run's data. */
export const greetingGraph = (word: string): WorkflowNodeInput[] => [
  { uuid: "s", slug: "start", kind: "native", actionSlug: "start", childrenUuids: ["e"] },
  {
    uuid: "e",
    slug: "end",
    kind: "native",
    actionSlug: "end",
    config: { variables: [{ name: "greeting", type: "any", value: { kind: "templateExpression", expression: `${word}, {{nodes.start.name}}`, instructTo: "none", fromRecipe: false } }] },
  },
];

export const GREETING_FORM: FormField[] = [
  { slug: "name", name: "Name", kind: "string", isRequired: true, description: "Who to greet" },
  { slug: "count", name: "Count", kind: "number", isRequired: false },
];

/** A tool over a workflow deployed saying "Hello", whose draft was then edited to say "Draft": the tool must run the former. */
export async function createDeployedTool(request: APIRequestContext, name = `Greeter ${Date.now().toString(36)}`) {
  const created = await request.post("/api/v1/orchestration/workflows", { data: { name, nodes: greetingGraph("Hello") } });
  expect(created.status(), await created.text()).toBe(200);
  const workflow = WorkflowResponseBody.parse(await created.json()).workflow;
  const deployed = await request.post("/api/v1/orchestration/releases/deployDraft", { data: { workflowUuid: workflow.uuid, formFields: GREETING_FORM } });
  expect(deployed.status(), await deployed.text()).toBe(200);
  const edited = await request.put(`/api/v1/orchestration/workflows/${workflow.uuid}`, { data: { nodes: greetingGraph("Draft"), updatedAt: workflow.updatedAt } });
  expect(edited.status(), await edited.text()).toBe(200);
  const tool = await request.post("/api/v1/orchestration/tools", { data: { workflowUuid: workflow.uuid, name } });
  expect(tool.status(), await tool.text()).toBe(200);
  return ToolResponseBody.parse(await tool.json()).tool;
}

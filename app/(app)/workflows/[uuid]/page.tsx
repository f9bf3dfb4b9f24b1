import type { Metadata } from "next";
import { preload } from "react-dom";
import { WorkflowEditor } from "@/components/workflows/workflow-editor";
import { workflowPath } from "@/lib/api/workflow-queries";

export const metadata: Metadata = { title: "Workflow editor" };

export default async function WorkflowEditorPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  // The browser starts loading the workflow while the editor's scripts load; the editor's own
  // request (workflowQueries.detail) then finds it ready.
  preload(workflowPath(uuid), { as: "fetch", crossOrigin: "anonymous" });
  return <WorkflowEditor uuid={uuid} />;
}

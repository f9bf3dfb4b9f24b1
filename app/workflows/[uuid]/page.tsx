import type { Metadata } from "next";
import { WorkflowEditor } from "@/components/workflows/workflow-editor";

export const metadata: Metadata = { title: "Workflow editor" };

export default async function WorkflowEditorPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  return <WorkflowEditor uuid={uuid} />;
}

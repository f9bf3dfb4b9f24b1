import type { Metadata } from "next";
import { CreateWorkflowButton } from "@/components/workflows/create-workflow-dialog";
import { WorkflowList } from "@/components/workflows/workflow-list";
import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Workflows" };

export default function WorkflowsPage() {
  return (
    <>
      <PageHeader
        title="Workflows"
        description="Chains of actions that run on your connectors, built on a visual canvas."
        actions={
          <>
            <ButtonLink href="/templates">Start from a template</ButtonLink>
            <CreateWorkflowButton />
          </>
        }
      />
      <WorkflowList />
    </>
  );
}

import type { Metadata } from "next";
import { ModelWizard } from "@/components/models/new/model-wizard";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "New model" };

export default function NewModelPage() {
  return (
    <>
      <PageHeader title="New model" description="Records from a connector's extractor, kept in sync, or from a CSV file." />
      <ModelWizard />
    </>
  );
}

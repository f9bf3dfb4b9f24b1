import type { Metadata } from "next";
import { ModelList } from "@/components/models/model-list";
import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <>
      <PageHeader
        title="Models"
        description="Records synced from your connectors' extractors or uploaded as CSV, grouped by dataset."
        actions={
          <ButtonLink href="/models/new" variant="primary">
            New model
          </ButtonLink>
        }
      />
      <ModelList />
    </>
  );
}

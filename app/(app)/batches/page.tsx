import type { Metadata } from "next";
import { BatchList } from "@/components/batches/batch-list";
import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Batches" };

export default function BatchesPage() {
  return (
    <>
      <PageHeader
        title="Batches"
        description="Workflows run once per record, with their progress."
        actions={
          <ButtonLink href="/batches/new" variant="primary">
            Run on records
          </ButtonLink>
        }
      />
      <BatchList />
    </>
  );
}

import { ButtonLink } from "@/components/ui/button-link";
import type { Metadata } from "next";
import { ConnectorList } from "@/components/connectors/connector-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Connectors" };

export default function ConnectorsPage() {
  return (
    <>
      <PageHeader
        title="Connectors"
        description="Authenticated accounts of your integrations, with credentials encrypted at rest."
        actions={
          <ButtonLink href="/connectors/new" variant="primary">
            Add connector
          </ButtonLink>
        }
      />
      <ConnectorList />
    </>
  );
}

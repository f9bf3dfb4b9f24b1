import type { Metadata } from "next";
import { ConnectorWizard } from "@/components/connectors/connector-wizard";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Add a connector" };

export default async function NewConnectorPage({ searchParams }: { searchParams: Promise<{ integration?: string }> }) {
  const { integration } = await searchParams;
  return (
    <>
      <PageHeader title="Add a connector" description="Connect an account of an integration; the credentials are checked before anything is saved." />
      <ConnectorWizard initialIntegration={typeof integration === "string" ? integration : undefined} />
    </>
  );
}

import type { Metadata } from "next";
import { IntegrationList } from "@/components/integrations/integration-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Integrations" };

export default function IntegrationsPage() {
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Everything your workflows can talk to. Custom integrations are fetched live from their servers."
      />
      <IntegrationList />
    </>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { ButtonLink } from "@/components/ui/button-link";
import { IntegrationCatalog } from "@/components/integrations/integration-catalog";
import { IntegrationListSkeleton } from "@/components/integrations/integration-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Integrations" };

export default function IntegrationsPage() {
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Everything your workflows can talk to. Custom integrations are fetched live from their servers."
        actions={
          <>
            <ButtonLink href="/integrations/custom">Custom integrations</ButtonLink>
            <ButtonLink href="/integrations/custom#register" variant="primary">
              Register an integration
            </ButtonLink>
          </>
        }
      />
      {/* The filters read the URL's query, which a static page only knows in the browser. */}
      <Suspense fallback={<IntegrationListSkeleton />}>
        <IntegrationCatalog />
      </Suspense>
    </>
  );
}

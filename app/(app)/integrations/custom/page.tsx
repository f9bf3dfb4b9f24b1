import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button-link";
import { CustomIntegrationsManager } from "@/components/integrations/custom/custom-integrations-manager";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Custom integrations" };

export default function CustomIntegrationsPage() {
  return (
    <>
      <PageHeader
        title="Custom integrations"
        description="Integration servers you host yourself. Any server that speaks the Cargo custom-integration contract can be registered."
        actions={<ButtonLink href="/integrations">All integrations</ButtonLink>}
      />
      <CustomIntegrationsManager />
    </>
  );
}

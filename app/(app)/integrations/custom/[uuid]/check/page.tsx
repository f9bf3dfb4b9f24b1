import type { Metadata } from "next";
import { IntegrationCheck } from "@/components/integrations/check/integration-check";

export const metadata: Metadata = { title: "Check a custom integration" };

export default async function CustomIntegrationCheckPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  return <IntegrationCheck uuid={uuid} />;
}

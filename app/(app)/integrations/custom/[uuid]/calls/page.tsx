import type { Metadata } from "next";
import { CallsPage } from "@/components/integration-calls/calls-page";

export const metadata: Metadata = { title: "Calls to a custom integration" };

export default async function CustomIntegrationCallsPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  return <CallsPage scope={{ kind: "customIntegration", uuid }} />;
}

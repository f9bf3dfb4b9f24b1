import type { Metadata } from "next";
import { CallsPage } from "@/components/integration-calls/calls-page";

export const metadata: Metadata = { title: "Connector calls" };

export default async function ConnectorCallsPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  return <CallsPage scope={{ kind: "connector", uuid }} />;
}

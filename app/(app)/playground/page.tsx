import type { Metadata } from "next";
import { ActionPlayground } from "@/components/playground/action-playground";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Action playground" };

export default async function PlaygroundPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const pick = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  return (
    <>
      <PageHeader title="Action playground" description="Run one action once through a connector, with the same form a workflow node uses." />
      <ActionPlayground initial={{ connector: pick("connector"), action: pick("action"), integration: pick("integration") }} />
    </>
  );
}

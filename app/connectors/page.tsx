import type { Metadata } from "next";
import Link from "next/link";
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
          <Link href="/connectors/new" className="inline-flex h-9 items-center rounded-md bg-accent px-4 text-sm font-medium text-accent-fg">
            Add connector
          </Link>
        }
      />
      <ConnectorList />
    </>
  );
}

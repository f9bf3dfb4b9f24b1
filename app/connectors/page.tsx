import { Plug } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Connectors" };

export default function ConnectorsPage() {
  return (
    <>
      <PageHeader title="Connectors" description="Authenticated accounts of your integrations, with credentials encrypted at rest." />
      <EmptyState
        icon={<Plug className="size-5" />}
        title="No connectors yet"
        action={
          <Link href="/integrations" className="inline-flex h-9 items-center rounded-md bg-accent px-4 text-sm font-medium text-accent-fg">
            Browse integrations
          </Link>
        }
      >
        A connector holds the credentials for one account of an integration. Pick an integration to connect it; for the
        demo integration use the API key <code>demo-api-key</code>.
      </EmptyState>
    </>
  );
}

import type { Metadata } from "next";
import { ConnectorEditor } from "@/components/connectors/connector-editor";
import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Edit connector" };

export default async function ConnectorPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  return (
    <>
      <PageHeader
        title="Edit connector"
        description="Secret fields show a mask and keep their value unless you type a new one."
        actions={<ButtonLink href={`/connectors/${uuid}/calls`}>Calls</ButtonLink>}
      />
      <ConnectorEditor uuid={uuid} />
    </>
  );
}

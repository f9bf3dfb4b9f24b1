import type { Metadata } from "next";
import { CreateToolButton } from "@/components/tools/create-tool-dialog";
import { ToolList } from "@/components/tools/tool-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Tools" };

export default function ToolsPage() {
  return (
    <>
      <PageHeader title="Tools" description="Deployed workflows behind a form and a signed webhook." actions={<CreateToolButton />} />
      <ToolList />
    </>
  );
}

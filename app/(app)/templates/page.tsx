import type { Metadata } from "next";
import { TemplateGallery } from "@/components/templates/template-gallery";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Templates" };

export default function TemplatesPage() {
  return (
    <>
      <PageHeader
        title="Templates"
        description="Ready-made tools and plays. Pick the connectors they need and they open in the editor as a new workflow."
      />
      <TemplateGallery />
    </>
  );
}

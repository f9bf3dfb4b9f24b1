import type { Metadata } from "next";
import { IntegrationDetail } from "@/components/integrations/detail/integration-detail";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).slug };
}

export default async function IntegrationPage({ params }: Props) {
  const { slug } = await params;
  return <IntegrationDetail slug={slug} />;
}

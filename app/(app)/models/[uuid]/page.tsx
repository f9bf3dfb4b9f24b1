import type { Metadata } from "next";
import { ModelDetail } from "@/components/models/detail/model-detail";

export const metadata: Metadata = { title: "Model" };

export default async function ModelPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  return <ModelDetail uuid={uuid} />;
}

import type { Metadata } from "next";
import { BatchDetail } from "@/components/batches/batch-detail";

export const metadata: Metadata = { title: "Batch" };

export default async function BatchPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  return <BatchDetail uuid={uuid} />;
}

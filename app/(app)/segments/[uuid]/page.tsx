import type { Metadata } from "next";
import { SegmentDetail } from "@/components/segments/segment-detail";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  return <SegmentDetail uuid={uuid} />;
}

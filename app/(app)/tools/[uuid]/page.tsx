import type { Metadata } from "next";
import { ToolDetail } from "@/components/tools/tool-detail";

export const metadata: Metadata = { title: "Tool" };

export default async function ToolPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  return <ToolDetail uuid={uuid} />;
}

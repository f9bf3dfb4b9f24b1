import type { Metadata } from "next";
import { RunDetail } from "@/components/runs/run-detail";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  return <RunDetail uuid={uuid} />;
}

import type { Metadata } from "next";
import { PlayDetail } from "@/components/plays/play-detail";

export const metadata: Metadata = { title: "Play" };

export default async function PlayPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  return <PlayDetail uuid={uuid} />;
}

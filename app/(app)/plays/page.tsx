import type { Metadata } from "next";
import { CreatePlayButton } from "@/components/plays/create-play-dialog";
import { PlayList } from "@/components/plays/play-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Plays" };

export default function PlaysPage() {
  return (
    <>
      <PageHeader title="Plays" description="Deployed workflows run over the records a sync changes in a segment." actions={<CreatePlayButton />} />
      <PlayList />
    </>
  );
}

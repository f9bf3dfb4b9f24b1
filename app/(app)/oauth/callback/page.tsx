import type { Metadata } from "next";
import { OauthCallback } from "@/components/connectors/oauth-callback";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Connecting" };

export default async function OauthCallbackPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { code, state, error } = await searchParams;
  return (
    <>
      <PageHeader title="Connecting" />
      <OauthCallback code={code} state={state} error={error} />
    </>
  );
}

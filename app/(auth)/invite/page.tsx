import type { Metadata } from "next";
import { Suspense } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { InviteAccept } from "@/components/auth/invite-accept";
import { signedInPrincipal } from "@/lib/server";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage() {
  const principal = await signedInPrincipal();
  return (
    <AuthCard title="You are invited">
      {/* The form reads ?code= (useSearchParams), which needs a Suspense boundary. */}
      <Suspense>
        <InviteAccept signedInAs={principal?.kind === "user" ? principal.user.email : null} />
      </Suspense>
    </AuthCard>
  );
}

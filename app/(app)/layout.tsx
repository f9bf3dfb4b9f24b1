import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { instanceNeedsSetup, signedInPrincipal } from "@/lib/server";

// Who is signed in is read per request.
export const dynamic = "force-dynamic";

/** Every page of the app needs a signed-in user; proxy.ts sends cookie-less visits to /login first. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const principal = await signedInPrincipal();
  if (!principal) redirect((await instanceNeedsSetup()) ? "/setup" : "/login");
  return <AppShell>{children}</AppShell>;
}

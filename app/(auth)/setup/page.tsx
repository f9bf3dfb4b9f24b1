import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { instanceNeedsSetup } from "@/lib/server";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await instanceNeedsSetup())) redirect("/login");
  return (
    <AuthCard title="Set up Relay" description="Create the first account. It owns the first workspace and can invite everyone else.">
      <SetupForm />
    </AuthCard>
  );
}

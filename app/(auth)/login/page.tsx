import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { instanceNeedsSetup } from "@/lib/server";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await instanceNeedsSetup()) redirect("/setup");
  return (
    <AuthCard title="Sign in" description="Sign in to your Relay workspace.">
      {/* The form reads ?next= (useSearchParams), which needs a Suspense boundary. */}
      <Suspense>
        <LoginForm />
      </Suspense>
    </AuthCard>
  );
}

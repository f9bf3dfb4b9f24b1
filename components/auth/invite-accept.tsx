"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api/api-fetch";
import { useAcceptInvitationMutation } from "@/lib/api/account-mutations";
import { accountQueries } from "@/lib/api/account-queries";
import { fieldErrors, FormField } from "./form-field";

/** An invitation link: join as the signed-in user, or create an account to join with. */
export function InviteAccept({ signedInAs }: { signedInAs: string | null }) {
  const router = useRouter();
  const code = useSearchParams().get("code") ?? "";
  const preview = useQuery({ ...accountQueries.invitationPreview(code), enabled: code !== "" });
  const accept = useAcceptInvitationMutation();
  const [account, setAccount] = useState({ name: "", email: "", password: "" });
  const set = (key: keyof typeof account) => (event: { target: { value: string } }) => setAccount((a) => ({ ...a, [key]: event.target.value }));
  const errors = fieldErrors(accept.error instanceof ApiError ? accept.error.problems : undefined);

  if (code === "") return <Alert title="This link has no invitation code">Copy the whole link you were sent.</Alert>;
  if (preview.isPending) return <Skeleton className="h-24" />;
  if (preview.error) return <Alert title="This invitation cannot be used">{preview.error.message}</Alert>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ code, ...(signedInAs ? {} : { account }) }, { onSuccess: () => router.replace("/integrations") });
  };
  const { workspace, role } = preview.data;
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Accept the invitation">
      <p className="text-sm">
        Join <strong>{workspace.name}</strong> as {role === "admin" ? "an admin" : "a member"}.
      </p>
      {accept.error && !Object.keys(errors).length && <Alert title="Could not join">{accept.error.message}</Alert>}
      {signedInAs ? (
        <p className="text-sm text-fg-muted">You will join as {signedInAs}.</p>
      ) : (
        <>
          <FormField id="name" label="Your name" required autoComplete="name" value={account.name} error={errors.account} onChange={set("name")} />
          <FormField id="email" label="Email" type="email" required autoComplete="username" value={account.email} onChange={set("email")} />
          <FormField id="password" label="Password" type="password" required minLength={10} autoComplete="new-password" hint="At least 10 characters" value={account.password} onChange={set("password")} />
          <p className="text-xs text-fg-muted">
            Have an account?{" "}
            <Link className="underline" href={`/login?next=${encodeURIComponent(`/invite?code=${code}`)}`}>
              Sign in first
            </Link>
          </p>
        </>
      )}
      <Button type="submit" className="w-full" disabled={accept.isPending || accept.isSuccess}>
        {accept.isPending || accept.isSuccess ? "Joining…" : `Join ${workspace.name}`}
      </Button>
    </form>
  );
}

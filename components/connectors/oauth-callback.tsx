"use client";

import { CheckCircle2, Loader2 } from "lucide-react";
import { useEffect, useRef } from "react";
import { OAUTH_MESSAGE } from "@/components/forms/widgets/oauth-widget";
import { Alert } from "@/components/ui/alert";
import { useCompleteOauthMutation } from "@/lib/api/oauth-mutations";

/** Where an authorize page sends the user back: trades the code, hands the value to the opener. */
export function OauthCallback({ code, state, error }: { code?: string; state?: string; error?: string }) {
  const complete = useCompleteOauthMutation();
  const started = useRef(false);
  const integrationSlug = state?.split(".")[0];

  useEffect(() => {
    const reply = (message: { value?: string; errorMessage?: string }) => {
      window.opener?.postMessage({ type: OAUTH_MESSAGE, state, ...message }, window.location.origin);
      if (window.opener && message.value) window.close();
    };
    if (started.current) return;
    started.current = true;
    if (error || !code || !integrationSlug) {
      reply({ errorMessage: error === "access_denied" ? "Authorization was denied" : "The authorization did not return a code" });
      return;
    }
    complete.mutate(
      { integrationSlug, code, redirectUri: `${window.location.origin}/oauth/callback` },
      { onSuccess: ({ value }) => reply({ value }), onError: (e) => reply({ errorMessage: e.message }) },
    );
  }, [code, state, error, integrationSlug, complete]);

  if (error || !code) return <Alert title="Authorization did not complete">{error === "access_denied" ? "Authorization was denied." : "No code came back."}</Alert>;
  if (complete.error) return <Alert title="Could not finish connecting">{complete.error.message}</Alert>;
  if (complete.isSuccess) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm font-medium text-success">
        <CheckCircle2 aria-hidden className="size-4" /> Connected. You can close this window.
      </p>
    );
  }
  return (
    <p role="status" className="flex items-center gap-2 text-sm">
      <Loader2 aria-hidden className="size-4 animate-spin" /> Finishing the connection…
    </p>
  );
}

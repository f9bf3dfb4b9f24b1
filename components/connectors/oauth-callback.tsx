"use client";

import { CheckCircle2, Loader2 } from "lucide-react";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { OAUTH_MESSAGE, oauthRedirectUri } from "@/components/forms/widgets/oauth-widget";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { useCompleteOauthMutation } from "@/lib/api/oauth-mutations";

/** The integration a state was issued for: the app's states read `<integrationSlug>.<random>`. */
function integrationOf(state: string | undefined): string | undefined {
  const dot = state?.lastIndexOf(".") ?? -1;
  return dot > 0 ? state!.slice(0, dot) : undefined;
}

const noSubscription = () => () => {};

/**
 * Where an authorize page sends the user back: trades the code (the server checks the state
 * first), hands the value or the error to the opener, and on failure offers a way out.
 */
export function OauthCallback({ code, state, error }: { code?: string; state?: string; error?: string }) {
  const complete = useCompleteOauthMutation();
  const started = useRef(false);
  const integrationSlug = integrationOf(state);
  const inPopup = useSyncExternalStore(noSubscription, () => Boolean(window.opener), () => false);

  useEffect(() => {
    const reply = (message: { value?: string; errorMessage?: string }) => {
      window.opener?.postMessage({ type: OAUTH_MESSAGE, state, ...message }, window.location.origin);
      if (window.opener && message.value) window.close();
    };
    if (started.current) return;
    started.current = true;
    if (error || !code) {
      reply({ errorMessage: error === "access_denied" ? "Authorization was denied" : "The authorization did not return a code" });
      return;
    }
    if (!state || !integrationSlug) {
      reply({ errorMessage: MISSING_STATE });
      return;
    }
    complete.mutate(
      { integrationSlug, state, code, redirectUri: oauthRedirectUri() },
      { onSuccess: ({ value }) => reply({ value }), onError: (e) => reply({ errorMessage: e.message }) },
    );
  }, [code, state, error, integrationSlug, complete]);

  const failure =
    error || !code
      ? { title: "Authorization did not complete", message: error === "access_denied" ? "Authorization was denied." : "No code came back." }
      : !state || !integrationSlug
        ? { title: "Could not finish connecting", message: MISSING_STATE }
        : complete.error
          ? { title: "Could not finish connecting", message: complete.error.message }
          : null;
  if (failure) {
    const action = inPopup ? (
      <Button variant="secondary" onClick={() => window.close()}>
        Close window
      </Button>
    ) : (
      <ButtonLink href={integrationSlug ? `/connectors/new?integration=${encodeURIComponent(integrationSlug)}` : "/connectors"}>Start again</ButtonLink>
    );
    return (
      <Alert title={failure.title} action={action}>
        {failure.message}
      </Alert>
    );
  }
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

const MISSING_STATE = "This sign-in link is incomplete: it carries no state from the app. Start again from Connect.";

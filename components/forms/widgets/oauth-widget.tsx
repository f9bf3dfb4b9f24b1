"use client";

import { type FormContextType, type RJSFSchema, type StrictRJSFSchema, type WidgetProps } from "@rjsf/utils";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useStartOauthMutation } from "@/lib/api/oauth-mutations";
import { checkManifestUrl } from "@/lib/contract";
import { hintClass } from "../input-class";
import { useSchemaFormContext } from "../schema-form-context";

/** The message /oauth/callback posts back to the window that opened it. */
export const OAUTH_MESSAGE = "relay:oauth";

const CLOSED_POLL_MS = 500;
const CLOSED_GRACE_MS = 1_000;

/** Where authorize pages send the user back; startOauth and completeOauth both bind it. */
export function oauthRedirectUri(): string {
  return `${window.location.origin}/oauth/callback`;
}

/**
 * `OAuthWidget`: "Connect" asks the app for a single-use `state`, then opens the integration's
 * authorize page (`ui:options.authorizeUrl`) in a popup; /oauth/callback trades the code through
 * the app, which checks the state first, and posts the value back here. The value can also be
 * pasted by hand; it is a secret, so the input is a password field. The authorize page comes from
 * the manifest, so only an http: or https: address is ever opened; any other is refused with a
 * message instead of a Connect that could run script in the app's own window.
 */
export function OAuthWidget<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(props: WidgetProps<T, S, F>) {
  const { BaseInputTemplate } = props.registry.templates;
  const { integrationSlug } = useSchemaFormContext();
  const authorize = props.options.authorizeUrl === undefined ? null : checkManifestUrl(props.options.authorizeUrl, "The sign-in page");
  const authorizeUrl = authorize?.ok ? authorize.url : undefined;
  const refused = authorize && !authorize.ok ? authorize.message : null;
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<() => void>(() => {});
  const { onChange } = props;
  const { mutate: startOauth } = useStartOauthMutation();
  useEffect(() => () => stop.current(), []);

  const listen = (state: string) => {
    const listener = (event: MessageEvent) => {
      const data = event.data as { type?: string; state?: string; value?: string; errorMessage?: string };
      if (event.origin !== window.location.origin || data?.type !== OAUTH_MESSAGE || data.state !== state) return;
      stop.current();
      if (data.value) onChange(data.value as T);
      setError(data.errorMessage ?? null);
    };
    window.addEventListener("message", listener);
    return () => window.removeEventListener("message", listener);
  };

  const connect = () => {
    if (!authorizeUrl || !integrationSlug) return;
    // A second press starts over: the earlier attempt stops listening and leaves the window,
    // which this attempt reuses (same name), alone.
    stop.current();
    // Opened during the click, while the browser still counts it as the user's doing; it is
    // pointed at the authorize page once the server has issued the state.
    const popup = window.open("", "relay-oauth", "width=520,height=680");
    if (!popup) {
      setError("The browser blocked the sign-in window. Allow pop-ups for this site, then press Connect again.");
      return;
    }
    let unlisten = () => {};
    let cancelled = false;
    // A window closed by hand never answers. Its answer, if any, is posted just before it
    // closes, so the closing counts only after a grace period in which that answer can land.
    const watch = window.setInterval(() => {
      if (!popup.closed) return;
      window.clearInterval(watch);
      window.setTimeout(() => {
        if (cancelled) return;
        stopAttempt();
        setError("The sign-in window was closed before it finished. Press Connect to try again.");
      }, CLOSED_GRACE_MS);
    }, CLOSED_POLL_MS);
    const stopAttempt = () => {
      cancelled = true;
      window.clearInterval(watch);
      unlisten();
      setWaiting(false);
    };
    stop.current = stopAttempt;
    setError(null);
    setWaiting(true);
    const redirectUri = oauthRedirectUri();
    startOauth(
      { integrationSlug, redirectUri },
      {
        onSuccess: ({ state }) => {
          if (cancelled) return;
          const url = new URL(authorizeUrl);
          url.searchParams.set("redirect_uri", redirectUri);
          url.searchParams.set("state", state);
          url.searchParams.set("response_type", "code");
          unlisten = listen(state);
          popup.location.href = url.toString();
        },
        onError: (e) => {
          if (cancelled) return;
          stopAttempt();
          popup.close();
          setError(e.message);
        },
      },
    );
  };

  return (
    <>
      <div className="flex gap-2">
        <div className="flex-1">
          <BaseInputTemplate {...props} type="password" />
        </div>
        <Button variant="secondary" onClick={connect} disabled={!authorizeUrl || !integrationSlug || props.disabled || props.readonly}>
          {waiting ? "Waiting for authorization…" : props.value ? "Reconnect" : "Connect"}
        </Button>
      </div>
      {error || refused ? (
        <p role="alert" className="mt-1 text-sm text-danger">
          {error ?? refused}
        </p>
      ) : (
        <p className={hintClass}>{props.value ? "Connected. Save to keep it." : "Connect with OAuth, or paste a token."}</p>
      )}
    </>
  );
}

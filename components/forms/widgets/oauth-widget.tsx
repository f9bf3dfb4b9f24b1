"use client";

import { type FormContextType, type RJSFSchema, type StrictRJSFSchema, type WidgetProps } from "@rjsf/utils";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { hintClass } from "../input-class";
import { useSchemaFormContext } from "../schema-form-context";

/** The message /oauth/callback posts back to the window that opened it. */
export const OAUTH_MESSAGE = "relay:oauth";

/**
 * `OAuthWidget`: "Connect" opens the integration's authorize page (`ui:options.authorizeUrl`) in a
 * popup; /oauth/callback trades the code through the app and posts the value back here. The value
 * can also be pasted by hand; it is a secret, so the input is a password field.
 */
export function OAuthWidget<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(props: WidgetProps<T, S, F>) {
  const { BaseInputTemplate } = props.registry.templates;
  const { integrationSlug } = useSchemaFormContext();
  const authorizeUrl = typeof props.options.authorizeUrl === "string" ? props.options.authorizeUrl : undefined;
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<() => void>(() => {});
  const { onChange } = props;
  useEffect(() => () => stop.current(), []);

  const connect = () => {
    if (!authorizeUrl || !integrationSlug) return;
    stop.current();
    const state = `${integrationSlug}.${crypto.randomUUID()}`;
    const url = new URL(authorizeUrl);
    url.searchParams.set("redirect_uri", `${window.location.origin}/oauth/callback`);
    url.searchParams.set("state", state);
    url.searchParams.set("response_type", "code");
    const listener = (event: MessageEvent) => {
      const data = event.data as { type?: string; state?: string; value?: string; errorMessage?: string };
      if (event.origin !== window.location.origin || data?.type !== OAUTH_MESSAGE || data.state !== state) return;
      stop.current();
      if (data.value) onChange(data.value as T);
      setError(data.errorMessage ?? null);
    };
    window.addEventListener("message", listener);
    stop.current = () => {
      window.removeEventListener("message", listener);
      setWaiting(false);
    };
    setError(null);
    setWaiting(true);
    window.open(url, "relay-oauth", "width=520,height=680");
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
      {error ? (
        <p role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : (
        <p className={hintClass}>{props.value ? "Connected. Save to keep it." : "Connect with OAuth, or paste a token."}</p>
      )}
    </>
  );
}

"use client";

import { useState } from "react";
import { CopyField } from "@/components/settings/copy-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useDisableToolWebhookMutation, useRotateToolWebhookMutation } from "@/lib/api/tool-mutations";
import type { Tool } from "@/lib/contract";
import { exampleBody, webhookCurl } from "./webhook-curl";

/**
 * The tool's webhook: enable (or rotate) shows the URL and the new secret once, with a curl
 * example that signs a request; afterwards only the secret's last characters are shown.
 */
export function ToolWebhookSection({ tool }: { tool: Tool }) {
  const rotate = useRotateToolWebhookMutation(tool.uuid);
  const disable = useDisableToolWebhookMutation(tool.uuid);
  const [copied, setCopied] = useState(false);
  const url = typeof window === "undefined" ? tool.webhook.url : `${window.location.origin}${tool.webhook.url}`;
  const secret = rotate.data?.secret;
  const curl = secret ? webhookCurl(url, exampleBody(tool.formFields), secret) : undefined;
  const error = rotate.error ?? disable.error;

  return (
    <section aria-label="Webhook" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4 text-sm">
      <div>
        <h2 className="font-semibold">Webhook</h2>
        <p className="mt-0.5 text-fg-muted">
          A signed POST runs the tool with its JSON body as the data: <code className="font-mono text-xs">X-Relay-Signature: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256 of &quot;t.body&quot;&gt;</code>,
          within 5 minutes, each signature once. Add <code className="font-mono text-xs">?waitUntilFinished=true</code> for the output.
        </p>
      </div>
      {tool.webhook.enabled && <CopyField id="tool-webhook-url" label="URL" value={url} />}
      {secret ? (
        <>
          <CopyField id="tool-webhook-secret" label="Secret (shown only now)" value={secret} />
          <div className="flex flex-col gap-1.5">
            <div className="flex items-center justify-between">
              <span className="font-medium">Try it</span>
              <Button variant="secondary" size="sm" onClick={() => void navigator.clipboard.writeText(curl!).then(() => setCopied(true), () => setCopied(false))}>
                {copied ? "Copied" : "Copy"}
              </Button>
            </div>
            <pre data-testid="webhook-curl" className="overflow-x-auto rounded-md bg-surface-muted p-3 font-mono text-xs">
              {curl}
            </pre>
          </div>
        </>
      ) : (
        tool.webhook.enabled && tool.webhook.secretHint && <p className="text-fg-muted">Signed with the secret ending in …{tool.webhook.secretHint}. Rotate for a new one.</p>
      )}
      {error && <Alert title="Could not change the webhook">{error.message}</Alert>}
      <div className="flex gap-2">
        <Button variant={tool.webhook.enabled ? "secondary" : "primary"} size="sm" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
          {tool.webhook.enabled ? "Rotate secret" : "Enable webhook"}
        </Button>
        {tool.webhook.enabled && (
          <Button variant="secondary" size="sm" onClick={() => disable.mutate(undefined, { onSuccess: () => rotate.reset() })} disabled={disable.isPending}>
            Disable
          </Button>
        )}
      </div>
    </section>
  );
}

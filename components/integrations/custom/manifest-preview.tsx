import type { ReactNode } from "react";
import type { CustomIntegrationPreviewResponseBody } from "@/lib/contract";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ManifestFindings } from "../check/manifest-findings";
import { IntegrationIcon } from "../integration-icon";
import { rateLimitText } from "../format";

const layoutText = { seed: "seed (the documented layout)", legacy: "legacy (the older dummy-integration layout)" } as const;

/** What registering a server would add, shown before anything is saved. */
export function ManifestPreview({
  preview: { layout, integration, findings },
  onRegister,
  onCancel,
  isRegistering,
}: {
  preview: CustomIntegrationPreviewResponseBody;
  onRegister: () => void;
  onCancel: () => void;
  isRegistering: boolean;
}) {
  const actions = Object.values(integration.actions).map((action) => action.name);
  const extractors = Object.values(integration.extractors).map((extractor) => extractor.name);
  return (
    <Card role="region" aria-label="Manifest preview" className="p-4">
      <div className="flex items-start gap-3">
        <IntegrationIcon icon={integration.icon} color={integration.color} name={integration.name} />
        <div className="min-w-0">
          <h3 className="font-semibold break-words">{integration.name}</h3>
          <p className="mt-0.5 text-sm break-words text-fg-muted">{integration.description}</p>
        </div>
        <Badge tone="success" className="ml-auto shrink-0">
          Manifest valid
        </Badge>
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
        <Row term="Layout">{layoutText[layout]}</Row>
        <Row term={`Actions (${actions.length})`}>
          <Names names={actions} />
        </Row>
        <Row term={`Extractors (${extractors.length})`}>
          <Names names={extractors} />
        </Row>
        <Row term={`Autocompletes (${Object.keys(integration.autocompletes).length})`}>
          <Names names={Object.keys(integration.autocompletes)} mono />
        </Row>
        <Row term={`Dynamic schemas (${Object.keys(integration.dynamicSchemas).length})`}>
          <Names names={Object.keys(integration.dynamicSchemas)} mono />
        </Row>
        <Row term="Rate limit">{integration.connector.rateLimit ? rateLimitText(integration.connector.rateLimit) : "None declared"}</Row>
      </dl>
      <div className="mt-4">
        <ManifestFindings findings={findings} />
      </div>
      <div className="mt-5 flex flex-wrap gap-2 border-t border-border pt-4">
        <Button onClick={onRegister} disabled={isRegistering}>
          {isRegistering ? "Registering…" : "Register integration"}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={isRegistering}>
          Cancel
        </Button>
      </div>
    </Card>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-fg-muted">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

function Names({ names, mono = false }: { names: string[]; mono?: boolean }) {
  if (names.length === 0) return <span className="text-fg-muted">None</span>;
  return mono ? (
    <span className="flex flex-wrap gap-1">
      {names.map((name) => (
        <code key={name} className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs break-all">
          {name}
        </code>
      ))}
    </span>
  ) : (
    <>{names.join(", ")}</>
  );
}

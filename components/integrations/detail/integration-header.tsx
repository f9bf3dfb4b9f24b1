import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { checkManifestUrl, type Integration } from "@/lib/contract";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button-link";
import { categoryLabels, integrationOrigin } from "../category-labels";
import { iconSource } from "../icon-src";
import { IntegrationIcon } from "../integration-icon";

const layoutLabels = { seed: "Seed layout", legacy: "Legacy layout" } as const;

export function IntegrationHeader({ integration }: { integration: Integration }) {
  const slug = encodeURIComponent(integration.slug);
  const hasActions = Object.keys(integration.actions).length > 0;
  // The homepage comes from the manifest: linked only when it is an http: or https: address.
  const homepage = integration.url.trim() ? checkManifestUrl(integration.url, "The homepage link") : null;
  const icon = iconSource(integration.icon);
  const refusals = [homepage && !homepage.ok ? homepage.message : null, icon.src === null ? icon.refused : null].filter(Boolean);
  return (
    <header className="mb-2">
      <Link href="/integrations" className="mb-4 inline-flex items-center gap-1 text-sm text-fg-muted hover:text-fg">
        <ArrowLeft aria-hidden className="size-4" />
        All integrations
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-1 basis-96 items-start gap-4">
          <IntegrationIcon icon={integration.icon} color={integration.color} name={integration.name} size="lg" />
          <div className="min-w-0">
            <h1 className="text-xl font-semibold tracking-tight break-words">{integration.name}</h1>
            <p className="mt-1 text-sm break-words text-fg-muted">{integration.description}</p>
            <div className="mt-2 flex flex-wrap items-center gap-1.5">
              <Badge tone={integrationOrigin(integration).tone}>{integrationOrigin(integration).label}</Badge>
              <Badge>Category: {categoryLabels[integration.category]}</Badge>
              {integration.layout && <Badge>{layoutLabels[integration.layout]}</Badge>}
              <code className="font-mono text-xs break-all text-fg-muted">{integration.slug}</code>
            </div>
            {homepage?.ok && (
              <a href={homepage.url} rel="noopener noreferrer nofollow" target="_blank" className="mt-2 inline-block text-sm break-all text-accent hover:underline">
                {homepage.url}
              </a>
            )}
            {refusals.map((message) => (
              <p key={message} className="mt-2 text-sm text-danger">
                {message}
              </p>
            ))}
          </div>
        </div>
        {integration.kind === "custom" && (
          <div className="flex flex-wrap gap-2">
            <ButtonLink href={`/connectors/new?integration=${slug}`} variant="primary">
              Add connector
            </ButtonLink>
            {hasActions && <ButtonLink href={`/playground?integration=${slug}`}>Try an action</ButtonLink>}
          </div>
        )}
      </div>
    </header>
  );
}

import Link from "next/link";
import type { IntegrationSummary } from "@/lib/contract";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { isHexColor } from "./brand-color";
import { ButtonLink } from "@/components/ui/button-link";
import { categoryLabels, integrationOrigin } from "./category-labels";
import { IntegrationIcon } from "./integration-icon";

/** One integration in the catalog. Every manifest string is rendered as text: it is untrusted. */
export function IntegrationCard({ integration }: { integration: IntegrationSummary }) {
  const headingId = `integration-${integration.slug}`;
  const detailHref = `/integrations/${encodeURIComponent(integration.slug)}`;
  return (
    <Card
      aria-labelledby={headingId}
      role="article"
      className="flex h-full flex-col border-t-4"
      style={{ borderTopColor: isHexColor(integration.color) ? integration.color : undefined }}
    >
      <CardHeader>
        <IntegrationIcon icon={integration.icon} color={integration.color} name={integration.name} />
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="font-semibold break-words">
            <Link href={detailHref} className="hover:underline">
              {integration.name}
            </Link>
          </h2>
          <div className="mt-1 flex flex-wrap items-center gap-1.5">
            <Badge tone={integrationOrigin(integration).tone}>{integrationOrigin(integration).label}</Badge>
            {integration.category !== integration.kind && <Badge>{categoryLabels[integration.category]}</Badge>}
            {integration.status === "unavailable" && <Badge tone="danger">Unavailable</Badge>}
          </div>
        </div>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col">
        <p className="mb-4 line-clamp-2 text-sm text-fg-muted">{integration.description}</p>
        {integration.errorMessage && <p className="mb-3 text-sm break-words text-danger">{integration.errorMessage}</p>}
        <h3 className="mb-2 text-xs font-medium tracking-wide text-fg-muted uppercase">Actions</h3>
        {integration.actions.length === 0 ? (
          <p className="text-sm text-fg-muted">This integration declares no actions.</p>
        ) : (
          <ul aria-label={`${integration.name} actions`} className="flex flex-wrap gap-1.5">
            {integration.actions.map((action) => (
              <li key={action.slug} title={action.description}>
                <Badge className="text-fg">{action.name}</Badge>
              </li>
            ))}
          </ul>
        )}
        {integration.kind === "custom" && integration.hasActions && (
          <div className="mt-auto flex pt-4">
            <ButtonLink href={`/playground?integration=${encodeURIComponent(integration.slug)}`} size="sm">
              Try an action
            </ButtonLink>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

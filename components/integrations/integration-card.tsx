import Link from "next/link";
import type { IntegrationSummary } from "@/lib/contract";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { IntegrationIcon } from "./integration-icon";

export function IntegrationCard({ integration }: { integration: IntegrationSummary }) {
  const headingId = `integration-${integration.slug}`;
  return (
    <Card aria-labelledby={headingId} role="article" className="h-full">
      <CardHeader>
        <IntegrationIcon icon={integration.icon} color={integration.color} name={integration.name} />
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-2">
            <h2 id={headingId} className="truncate font-semibold">
              {integration.name}
            </h2>
            <Badge tone={integration.kind === "custom" ? "accent" : "neutral"}>{integration.kind}</Badge>
            {integration.status === "unavailable" && <Badge tone="danger">unavailable</Badge>}
          </div>
          <p className="mt-1 line-clamp-2 text-sm text-fg-muted">{integration.description}</p>
        </div>
      </CardHeader>
      <CardContent>
        {integration.errorMessage && <p className="mb-3 text-sm text-danger">{integration.errorMessage}</p>}
        <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-fg-muted">Actions</h3>
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
          <Link
            href={`/playground?integration=${encodeURIComponent(integration.slug)}`}
            className="mt-4 inline-flex h-8 items-center rounded-md border border-border px-3 text-sm font-medium hover:bg-surface-muted"
          >
            Try an action
          </Link>
        )}
      </CardContent>
    </Card>
  );
}

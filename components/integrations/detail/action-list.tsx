import type { Integration } from "@/lib/contract";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CapabilityItem } from "./capability-item";
import { ConfigFormPreview } from "./config-form-preview";
import { NoneDeclared } from "./detail-section";

export function ActionList({ integration }: { integration: Integration }) {
  const actions = Object.entries(integration.actions);
  if (actions.length === 0) return <NoneDeclared>No actions declared.</NoneDeclared>;
  return (
    <Card>
      <ul aria-label={`${integration.name} actions`} className="divide-y divide-border">
        {actions.map(([slug, action]) => (
          <CapabilityItem key={slug} id={`action-${slug}`} name={action.name} slug={slug} description={action.description}>
            {Boolean(action.children?.length || action.isSerialized) && (
              <div className="mt-2 flex flex-wrap gap-1.5">
                {action.children && action.children.length > 0 && (
                  <Badge>Branches: {action.children.map((child) => child.text).join(" / ")}</Badge>
                )}
                {action.isSerialized && <Badge>Runs one at a time</Badge>}
              </div>
            )}
            <ConfigFormPreview config={action.config} name={action.name} />
          </CapabilityItem>
        ))}
      </ul>
    </Card>
  );
}

import type { Integration } from "@/lib/contract";
import { rateLimitText } from "../format";
import { NoneDeclared } from "./detail-section";
import { FieldTable } from "./field-table";
import { schemaFields } from "./schema-fields";

/** What a connector of this integration asks for, and the rate limit every call through it shares. */
export function ConnectorConfig({ integration }: { integration: Integration }) {
  const fields = schemaFields(integration.connector.config.jsonSchema, integration.connector.config.uiSchema);
  const userFields = integration.users ? schemaFields(integration.users.config.jsonSchema, integration.users.config.uiSchema) : [];
  const { rateLimit } = integration.connector;
  if (integration.kind === "native") return <NoneDeclared>Built-in actions run inside the app: they need no connector.</NoneDeclared>;
  return (
    <div className="space-y-4">
      {fields.length === 0 ? (
        <NoneDeclared>A connector needs no configuration.</NoneDeclared>
      ) : (
        <FieldTable fields={fields} label={`${integration.name} connector config`} />
      )}
      <p className="text-sm">
        <span className="font-medium">Rate limit: </span>
        {rateLimit ? rateLimitText(rateLimit) : <span className="text-fg-muted">none declared</span>}
      </p>
      {userFields.length > 0 && (
        <div>
          <h3 className="mb-2 text-sm font-medium">User mapping</h3>
          <FieldTable fields={userFields} label={`${integration.name} user mapping`} />
        </div>
      )}
    </div>
  );
}

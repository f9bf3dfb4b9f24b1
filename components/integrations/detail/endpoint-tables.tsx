import type { ReactNode } from "react";
import type { Integration, ParamsSchema } from "@/lib/contract";
import { NoneDeclared } from "./detail-section";

/** The autocompletes an integration serves: slug, the params it takes, how long results may be cached. */
export function AutocompleteTable({ integration }: { integration: Integration }) {
  const autocompletes = Object.entries(integration.autocompletes);
  if (autocompletes.length === 0) return <NoneDeclared>No autocompletes declared.</NoneDeclared>;
  return (
    <EndpointTable label={`${integration.name} autocompletes`} columns={["Slug", "Params", "Cache"]}>
      {autocompletes.map(([slug, autocomplete]) => (
        <tr key={slug} className="align-top">
          <SlugCell slug={slug} />
          <ParamsCell params={autocomplete.params} />
          <td className="px-3 py-2 whitespace-nowrap">
            {autocomplete.cacheExpirationInSeconds ? `${autocomplete.cacheExpirationInSeconds} s` : <span className="text-fg-muted">Not cached</span>}
          </td>
        </tr>
      ))}
    </EndpointTable>
  );
}

/** The dynamic schemas an integration serves: forms computed from params at edit time. */
export function DynamicSchemaTable({ integration }: { integration: Integration }) {
  const schemas = Object.entries(integration.dynamicSchemas);
  if (schemas.length === 0) return <NoneDeclared>No dynamic schemas declared.</NoneDeclared>;
  return (
    <EndpointTable label={`${integration.name} dynamic schemas`} columns={["Slug", "Params"]}>
      {schemas.map(([slug, schema]) => (
        <tr key={slug} className="align-top">
          <SlugCell slug={slug} />
          <ParamsCell params={schema.params} />
        </tr>
      ))}
    </EndpointTable>
  );
}

function EndpointTable({ label, columns, children }: { label: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table aria-label={label} className="w-full text-left text-sm">
        <thead className="bg-surface-muted text-xs text-fg-muted">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
    </div>
  );
}

function SlugCell({ slug }: { slug: string }) {
  return (
    <td className="px-3 py-2">
      <code className="font-mono text-xs break-all">{slug}</code>
    </td>
  );
}

function ParamsCell({ params }: { params: ParamsSchema }) {
  const properties = params.jsonSchema.properties;
  const keys = properties && typeof properties === "object" ? Object.keys(properties) : [];
  return (
    <td className="px-3 py-2">
      {keys.length === 0 ? (
        <span className="text-fg-muted">None</span>
      ) : (
        <span className="flex flex-wrap gap-1">
          {keys.map((key) => (
            <code key={key} className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs break-all">
              {key}
            </code>
          ))}
        </span>
      )}
    </td>
  );
}

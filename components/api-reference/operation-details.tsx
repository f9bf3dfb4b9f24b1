import type { ReactNode } from "react";
import { CurlExample } from "./curl-example";
import { propertiesOf, type SchemaComponents } from "./json-schema";
import { ACCESS_LABELS } from "./method-badge";
import type { ReferenceOperation } from "./operations";
import { ParametersTable } from "./parameters-table";
import { SchemaTree } from "./schema-tree";

/** The component every error answer refers to (`{errorMessage, reason?, problems?}`). */
const ERROR_REF = "#/components/schemas/ApiError";

/**
 * What one needs to call an operation: who may, its parameters, its request body as a tree, what
 * it answers (the success shape where the route names one, and the error shape every failure
 * shares), and a curl command to start from.
 */
export function OperationDetails({ entry, base, components }: { entry: ReferenceOperation; base: string; components: SchemaComponents }) {
  const { operation } = entry;
  const name = `${entry.method.toUpperCase()} ${entry.path}`;
  const access = operation["x-relay-access"];
  const parameters = operation.parameters ?? [];
  const content = operation.requestBody?.content ?? {};
  const [bodyType, body] = Object.entries(content)[0] ?? [];
  const responses = Object.entries(operation.responses);
  const success = operation.responses["200"]?.content?.["application/json"]?.schema;
  return (
    <div className="space-y-5 border-t border-border px-4 py-4">
      {operation.description && <p className="text-sm text-fg-muted">{operation.description}</p>}
      <Section title="Access">
        <p className="text-sm">
          {ACCESS_LABELS[access].detail}
          {access !== "public" && (
            <span className="text-fg-muted">
              {" "}
              Send <code className="font-mono text-xs">Authorization: Bearer &lt;API token&gt;</code>, or the session cookie from the app&apos;s pages.
            </span>
          )}
        </p>
      </Section>
      {parameters.length > 0 && (
        <Section title="Parameters">
          <ParametersTable parameters={parameters} components={components} label={`Parameters of ${name}`} />
        </Section>
      )}
      {bodyType && (
        <Section title="Request body" note={bodyType}>
          {body?.schema && bodyType === "application/json" ? (
            <SchemaTree schema={body.schema} components={components} label={`Request body of ${name}`} />
          ) : (
            <p className="text-sm text-fg-muted">{operation.description ?? "A multipart/form-data upload."}</p>
          )}
        </Section>
      )}
      <Section title="Responses">
        <ul className="space-y-1 text-sm">
          {responses.map(([status, response]) => (
            <li key={status} className="flex gap-3">
              <code className="w-10 shrink-0 font-mono text-xs font-semibold">{status}</code>
              <span className="text-fg-muted">{response.description}</span>
            </li>
          ))}
        </ul>
        {success && propertiesOf(success).length > 0 && (
          <div className="mt-3">
            <SchemaTree schema={success} components={components} label={`Success answer of ${name}`} />
          </div>
        )}
        {components.ApiError && (
          <div className="mt-3">
            <h5 className="mb-1 text-xs font-medium text-fg-muted">Error shape (every 4XX and 5XX)</h5>
            <SchemaTree schema={{ $ref: ERROR_REF }} components={components} label={`Error shape of ${name}`} />
          </div>
        )}
      </Section>
      <Section title="Example">
        <CurlExample operation={entry} base={base} components={components} />
      </Section>
    </div>
  );
}

function Section({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <section>
      <h4 className="mb-2 text-xs font-semibold tracking-wide text-fg-muted">
        <span className="uppercase">{title}</span>
        {note && <span className="ml-2 font-mono font-normal tracking-normal">{note}</span>}
      </h4>
      {children}
    </section>
  );
}

import type { OpenApiParameter } from "@/lib/contract";
import { constraintsOf, typeLabel, type SchemaComponents } from "./json-schema";

/** An operation's path and query parameters: name, where it goes, type, whether required, and what it means. */
export function ParametersTable({ parameters, components, label }: { parameters: readonly OpenApiParameter[]; components: SchemaComponents; label: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-border">
      <table aria-label={label} className="w-full text-left text-sm">
        <thead className="bg-surface-muted/60 text-xs text-fg-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              In
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Description
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {parameters.map((parameter) => {
            const schema = parameter.schema ?? {};
            const notes = [parameter.description ?? (typeof schema.description === "string" ? schema.description : undefined), ...constraintsOf(schema)];
            return (
              <tr key={`${parameter.in}:${parameter.name}`} className="align-top">
                <th scope="row" className="px-3 py-2 font-normal">
                  <code className="font-mono text-xs font-semibold">{parameter.name}</code>
                  {parameter.required && <span className="ml-2 text-xs font-medium text-danger">required</span>}
                </th>
                <td className="px-3 py-2 text-xs text-fg-muted">{parameter.in}</td>
                <td className="px-3 py-2 font-mono text-xs text-fg-muted">{typeLabel(schema, components)}</td>
                <td className="px-3 py-2 text-xs text-fg-muted">{notes.filter(Boolean).join(" · ") || "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

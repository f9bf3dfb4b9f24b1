import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import type { SchemaField } from "./schema-fields";

const MAX_CHOICES = 6;

/** A config form's fields as a read-only table: title and path, type, required, widget. */
export function FieldTable({ fields, label }: { fields: SchemaField[]; label: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-border">
      <table aria-label={label} className="w-full text-left text-sm">
        <thead className="bg-surface-muted text-xs text-fg-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Field</th>
            <th scope="col" className="px-3 py-2 font-medium">Type</th>
            <th scope="col" className="px-3 py-2 font-medium">Required</th>
            <th scope="col" className="px-3 py-2 font-medium">Widget</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {fields.map((field) => (
            <tr key={field.path} className="align-top">
              <td className="px-3 py-2" style={{ paddingLeft: `${0.75 + field.depth * 1.25}rem` }}>
                <span className="font-medium break-words">{field.title}</span>
                <code className="mt-0.5 block font-mono text-xs break-all text-fg-muted">{field.path}</code>
              </td>
              <td className="px-3 py-2">
                <span className="font-mono text-xs">{field.type}</span>
                {field.choices && <Choices choices={field.choices} />}
              </td>
              <td className={cn("px-3 py-2 text-xs", !field.required && "text-fg-muted")}>{field.required ? "Required" : "Optional"}</td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-1">
                  {field.secret && <Badge tone="danger">Secret</Badge>}
                  {field.widget && <Badge className="text-fg">{field.widget}</Badge>}
                  {!field.secret && !field.widget && <span className="text-xs text-fg-muted">Default</span>}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Choices({ choices }: { choices: string[] }) {
  const shown = choices.slice(0, MAX_CHOICES);
  return (
    <span className="mt-0.5 block text-xs break-words text-fg-muted">
      one of {shown.join(", ")}
      {choices.length > shown.length && `, … (${choices.length} in all)`}
    </span>
  );
}

import type { ReactNode } from "react";
import type { OpenApiJsonSchema } from "@/lib/contract";
import { constraintsOf, itemsOf, propertiesOf, requiredOf, resolve, typeLabel, valuesOf, variantsOf, type SchemaComponents } from "./json-schema";

/** How deep a tree unfolds before it stops: enough for every request body, short of a graph's whole shape. */
const MAX_DEPTH = 6;

/**
 * A JSON Schema as a readable tree: each field with its type, whether it is required, its
 * description and constraints, and the fields of nested objects, array items and variants. Deeper
 * levels fold (native `<details>`, so the keyboard opens them); a schema that refers to itself
 * stops at the second mention.
 */
export function SchemaTree({ schema, components, label }: { schema: OpenApiJsonSchema; components: SchemaComponents; label: string }) {
  const { schema: target, name } = resolve(schema, components);
  const fields = childrenOf(target, components, new Set(name ? [name] : []), 0);
  return (
    <div aria-label={label} role="group" className="rounded-md border border-border bg-surface-muted/40 p-3 text-sm">
      <p className="font-mono text-xs text-fg-muted">{typeLabel(schema, components)}</p>
      {describe(target)}
      {fields}
    </div>
  );
}

function childrenOf(schema: OpenApiJsonSchema, components: SchemaComponents, seen: ReadonlySet<string>, depth: number): ReactNode {
  if (depth >= MAX_DEPTH) return null;
  const properties = propertiesOf(schema);
  if (properties.length > 0) {
    const required = requiredOf(schema);
    return (
      <ul className="mt-2 space-y-2">
        {properties.map(([name, property]) => (
          <Field key={name} name={name} schema={property} required={required.has(name)} components={components} seen={seen} depth={depth} />
        ))}
      </ul>
    );
  }
  const variants = variantsOf(schema);
  if (variants.length > 1) {
    return (
      <ul className="mt-2 space-y-2">
        {variants.map((variant, index) => (
          <Field key={index} name={`Variant ${index + 1}`} schema={variant} components={components} seen={seen} depth={depth} variant />
        ))}
      </ul>
    );
  }
  const inner = itemsOf(schema) ?? valuesOf(schema) ?? variants[0];
  return inner ? childrenOf(resolve(inner, components).schema, components, seen, depth) : null;
}

function Field({
  name,
  schema,
  required = false,
  variant = false,
  components,
  seen,
  depth,
}: {
  name: string;
  schema: OpenApiJsonSchema;
  required?: boolean;
  variant?: boolean;
  components: SchemaComponents;
  seen: ReadonlySet<string>;
  depth: number;
}) {
  const { schema: target, name: component } = resolve(schema, components);
  const recursive = component !== undefined && seen.has(component);
  const nested = recursive ? null : childrenOf(target, components, component ? new Set([...seen, component]) : seen, depth + 1);
  return (
    <li className="border-l border-border pl-3">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <code className={variant ? "text-xs font-medium text-fg-muted" : "font-mono text-xs font-semibold text-fg"}>{name}</code>
        <span className="font-mono text-xs text-fg-muted">{typeLabel(schema, components)}</span>
        {required && <span className="text-xs font-medium text-danger">required</span>}
        {recursive && <span className="text-xs text-fg-muted">(the same shape again)</span>}
      </div>
      {describe(target)}
      {nested &&
        (depth === 0 ? (
          <div className="ml-1">{nested}</div>
        ) : (
          <details className="ml-1 [&[open]>summary]:mb-1">
            <summary className="cursor-pointer text-xs text-fg-muted hover:text-fg">Fields of {name}</summary>
            {nested}
          </details>
        ))}
    </li>
  );
}

function describe(schema: OpenApiJsonSchema) {
  const description = typeof schema.description === "string" ? schema.description : undefined;
  const constraints = constraintsOf(schema);
  if (!description && constraints.length === 0) return null;
  return (
    <p className="mt-0.5 text-xs text-fg-muted">
      {description}
      {description && constraints.length > 0 && " · "}
      {constraints.join(" · ")}
    </p>
  );
}

import type { RJSFSchema } from "@rjsf/utils";
import { formatFieldPath, type FieldPath } from "@/lib/params";

/** A dynamic field's last fetched sub-schema, at the field's absolute path in the outermost form. */
export interface DynamicSchemaEntry {
  path: FieldPath;
  schema: RJSFSchema;
}

/**
 * The sub-schemas DynamicSchemaWidgets have fetched, so the outermost form can validate their
 * values on submit and name nested fields in hints. Mutable on purpose: widgets write it from
 * effects and it is read only in callbacks (validation, hints), so it never drives a render.
 */
export class DynamicSchemaRegistry {
  private readonly entries = new Map<string, DynamicSchemaEntry>();

  set(path: FieldPath, schema: RJSFSchema): void {
    this.entries.set(formatFieldPath(path), { path, schema });
  }

  delete(path: FieldPath, schema: RJSFSchema): void {
    const key = formatFieldPath(path);
    // A remounted widget may already have registered anew at the same path.
    if (this.entries.get(key)?.schema === schema) this.entries.delete(key);
  }

  at(path: FieldPath): RJSFSchema | undefined {
    return this.entries.get(formatFieldPath(path))?.schema;
  }

  all(): DynamicSchemaEntry[] {
    return [...this.entries.values()];
  }
}

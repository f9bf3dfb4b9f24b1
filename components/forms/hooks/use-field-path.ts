"use client";

import { useMemo } from "react";
import type { FieldPath } from "@/lib/params";
import { parseFieldPathName } from "../field-path-name";
import { useSchemaFormContext } from "../schema-form-context";

/** The same array for as long as the path's segments stay the same, so it can be a hook dependency. */
export function useStablePath(path: FieldPath): FieldPath {
  const key = JSON.stringify(path);
  return useMemo(() => JSON.parse(key) as FieldPath, [key]);
}

/**
 * A widget's absolute path in the outermost form: the enclosing (sub-)form's base path plus the
 * path encoded in the widget's `htmlName` (see `fieldPathNameGenerator`). Outside a SchemaForm,
 * where no generator ran, it falls back to the widget's own name.
 */
export function useFieldPath(htmlName: string | undefined, name: string): FieldPath {
  const { basePath } = useSchemaFormContext();
  return useStablePath([...basePath, ...(parseFieldPathName(htmlName) ?? [name])]);
}

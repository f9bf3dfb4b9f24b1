"use client";

import { isRecord } from "@/lib/contract/is-record";
import type { RJSFSchema } from "@rjsf/utils";
import { useEffect, useRef, useState } from "react";

/**
 * When a dynamic field's schema is replaced by a different one (its params changed), drops the
 * values the new schema has no property for and returns their keys, for a note to the user.
 * The first schema a mounted field sees drops nothing: a saved config is never trimmed on open.
 */
export function useDropRemovedFields(schema: RJSFSchema | undefined, value: unknown, onChange: (value: Record<string, unknown>) => void): string[] {
  const [removed, setRemoved] = useState<string[]>([]);
  const previous = useRef<RJSFSchema | undefined>(undefined);
  useEffect(() => {
    if (!schema || schema === previous.current) return;
    const replaced = previous.current !== undefined;
    previous.current = schema;
    if (!replaced) return;
    const properties = isRecord(schema.properties) ? schema.properties : undefined;
    const dropped = properties && isRecord(value) ? Object.keys(value).filter((key) => !Object.hasOwn(properties, key)) : [];
    setRemoved(dropped);
    if (dropped.length > 0 && isRecord(value)) {
      onChange(Object.fromEntries(Object.entries(value).filter(([key]) => !dropped.includes(key))));
    }
  }, [schema, value, onChange]);
  return removed;
}

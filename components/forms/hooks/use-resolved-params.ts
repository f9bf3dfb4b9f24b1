"use client";

import { isRecord } from "@/lib/contract/is-record";
import { hashKey } from "@tanstack/react-query";
import { missingParams, paramDependencies, readPath, resolveParams, type FieldPath } from "@/lib/params";
import { fieldTitle } from "../field-title";
import { useRootFormData, useSchemaFormContext } from "../schema-form-context";

/** A data-bound widget's `ui:options.params`, resolved against the outermost form's data. */
export interface ResolvedParams {
  params: Record<string, unknown>;
  /** A stable text key of `params`, for effects that must run when a dependency's value changes. */
  paramsKey: string;
  /** Titles of the fields that must be filled before the widget may call the server. */
  blockedBy: string[];
}

/**
 * Resolves `ui:options.params` for the field at `fieldPath`. The params' JSON Schema (and its
 * `required`) is not in the uiSchema, so every path expression that resolves to nothing blocks.
 */
export function useResolvedParams(rawParams: unknown, fieldPath: FieldPath): ResolvedParams {
  const { rootSchema, dynamicSchemas } = useSchemaFormContext();
  const rootFormData = useRootFormData();
  const paramsObject = isRecord(rawParams) ? rawParams : undefined;
  const params = resolveParams(paramsObject, rootFormData, fieldPath);
  const dependencies = paramDependencies(paramsObject, fieldPath);
  // Nested params come back as dotted keys ("filter.type"); read them out of the resolved object.
  const flat = Object.fromEntries(dependencies.map(({ param }) => [param, readPath(params, param.split("."))]));
  const missing = new Set(missingParams(flat, dependencies.map(({ param }) => param)));
  const titles = dependencies
    .filter(({ param }) => missing.has(param))
    .map(({ path }) => fieldTitle(rootSchema, path, (prefix) => dynamicSchemas.at(prefix)));
  return { params, paramsKey: hashKey([params]), blockedBy: [...new Set(titles)] };
}

/** "Choose Object first", "Choose Object and Pipeline first". */
export function blockedHint(blockedBy: string[]): string {
  const names = blockedBy.length > 1 ? `${blockedBy.slice(0, -1).join(", ")} and ${blockedBy.at(-1)}` : blockedBy[0];
  return `Choose ${names} first`;
}

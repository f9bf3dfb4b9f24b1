"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { connectorQueries } from "@/lib/api/connector-queries";
import type { FieldPath } from "@/lib/params";
import { decorateSchema, decorateUiSchema } from "../decorate-schema";
import { useSchemaFormContext } from "../schema-form-context";

/**
 * A dynamic field's sub-form from `/dynamicSchemas/:slug`, decorated once per answer (a stable
 * schema object, so ajv compiles it once), and registered at the field's path for as long as it
 * is shown, so the outermost form validates the field's value against it on submit.
 */
export function useDynamicSubSchema(slug: string, params: Record<string, unknown>, enabled: boolean, fieldPath: FieldPath) {
  const { connectorUuid, dynamicSchemas } = useSchemaFormContext();
  const query = useQuery({ ...connectorQueries.dynamicSchema(connectorUuid ?? "", slug, params), enabled: enabled && Boolean(connectorUuid) });
  const answer = query.data;
  const schema = useMemo(() => answer && decorateSchema(answer.jsonSchema), [answer]);
  const uiSchema = useMemo(() => answer && decorateUiSchema(answer.uiSchema), [answer]);
  useEffect(() => {
    if (!schema) return;
    dynamicSchemas.set(fieldPath, schema);
    return () => dynamicSchemas.delete(fieldPath, schema);
  }, [dynamicSchemas, fieldPath, schema]);
  return { query, schema, uiSchema };
}

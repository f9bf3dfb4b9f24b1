import { z } from "zod";
import { requireCredentials } from "./auth";
import { badRequest } from "./errors";
import { fetchRecordsPage } from "./extractors";
import { isObjectType, OBJECT_TYPES, type ObjectType } from "./objects";
import { parseOrThrow } from "./parse";
import type { ContractBody } from "./request-body";
import type { DemoState } from "./state";

const VariantConfig = z.object({ pageSize: z.coerce.number().int().min(1).max(100).default(20) });

/** `POST /legacy/model/fetch`: the records extractor, with the object type taken from the model slug. */
export function fetchLegacyModel(state: DemoState, body: ContractBody) {
  const objectType = modelSlug(body);
  const { pageSize } = parseOrThrow(VariantConfig, body.config, "config");
  return fetchRecordsPage(state, objectType, pageSize, body.meta);
}

/** `POST /legacy/model/count`. */
export function countLegacyModel(state: DemoState, body: ContractBody): { count: number } {
  return { count: state.store.list(modelSlug(body)).length };
}

// A client that sends both layouts' fields may carry the object type in the extractor config instead.
function modelSlug(body: ContractBody): ObjectType {
  requireCredentials(body.connectorConfig);
  const slug = body.slug ?? body.config.objectType;
  if (!isObjectType(slug)) throw badRequest(`slug must be one of ${OBJECT_TYPES.join(", ")}`);
  return slug;
}

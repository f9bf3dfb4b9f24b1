import type { OpenApiJsonSchema } from "@/lib/contract";
import { curlCommand, shellQuote } from "@/lib/contract/curl";
import { itemsOf, propertiesOf, requiredOf, resolve, variantsOf, type SchemaComponents } from "./json-schema";
import type { ReferenceOperation } from "./operations";

const SAMPLE_BY_FORMAT: Record<string, string> = {
  uuid: "00000000-0000-4000-8000-000000000000",
  uri: "https://example.com",
  url: "https://example.com",
  email: "someone@example.com",
  "date-time": "2025-01-01T00:00:00.000Z",
};

/**
 * A value that fits a schema, for an example request: its const, default or first allowed value,
 * else a placeholder of its type; objects carry their required fields only, so the example is
 * the least a call needs.
 */
export function sampleValue(schema: OpenApiJsonSchema, components: SchemaComponents, depth = 0): unknown {
  const { schema: target } = resolve(schema, components);
  if (target.const !== undefined) return target.const;
  if (target.default !== undefined) return target.default;
  if (Array.isArray(target.enum) && target.enum.length > 0) return target.enum[0];
  const variants = variantsOf(target);
  if (variants.length > 0) return sampleValue(variants.find((variant) => variant.type !== "null") ?? variants[0]!, components, depth + 1);
  const type = Array.isArray(target.type) ? target.type.find((t) => t !== "null") : target.type;
  switch (type) {
    case "string":
      return (typeof target.format === "string" && SAMPLE_BY_FORMAT[target.format]) || "string";
    case "integer":
    case "number":
      return typeof target.minimum === "number" ? target.minimum : 0;
    case "boolean":
      return true;
    case "array": {
      const items = itemsOf(target);
      return items && typeof target.minItems === "number" && target.minItems > 0 && depth < 4 ? [sampleValue(items, components, depth + 1)] : [];
    }
    default: {
      if (depth >= 4) return {};
      const required = requiredOf(target);
      return Object.fromEntries(propertiesOf(target).filter(([name]) => required.has(name)).map(([name, property]) => [name, sampleValue(property, components, depth + 1)]));
    }
  }
}

/**
 * A curl command for an operation: the URL under `base` with `<name>` for each path parameter and
 * the required query parameters, the API token from `$RELAY_API_TOKEN` unless the route is public,
 * and a JSON body with the required fields (or the upload's file).
 * @example operationCurl(operation, "http://localhost:3000/api/v1", components)
 */
export function operationCurl({ method, path, operation }: ReferenceOperation, base: string, components: SchemaComponents): string {
  const query = (operation.parameters ?? [])
    .filter((parameter) => parameter.in === "query" && parameter.required)
    .map((parameter) => `${encodeURIComponent(parameter.name)}=<${parameter.name}>`)
    .join("&");
  const url = `${base}${path.replace(/\{([^}]+)\}/g, "<$1>")}${query ? `?${query}` : ""}`;
  const lines: string[] = [];
  if (operation["x-relay-access"] !== "public") lines.push(`-H "Authorization: Bearer $RELAY_API_TOKEN"`);
  const content = operation.requestBody?.content ?? {};
  const json = content["application/json"]?.schema;
  if (json) {
    lines.push(`-H 'content-type: application/json'`);
    lines.push(`-d ${shellQuote(JSON.stringify(sampleValue(json, components)))}`);
  } else if (content["multipart/form-data"]) {
    lines.push(`-F 'file=@data.csv'`);
  }
  return curlCommand(method, url, lines);
}

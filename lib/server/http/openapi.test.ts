import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { OpenApiDocument, OpenApiOperation } from "@/lib/contract";
import { defineRoute } from "../define-route";
import { route, type ApiRoute } from "./api-route";
import { buildOpenApiDocument, openApiDocument } from "./openapi";
import { openApiPath, pathParameterNames } from "./openapi-names";
import { apiRoutes } from "./routes";

type Tree = { label: string; children: Tree[] };
const Tree: z.ZodType<Tree> = z.object({ label: z.string(), get children() { return z.array(Tree); } });

/** A route no table has, with a path parameter, a query, a recursive body and a description on a field. */
const handMade: ApiRoute = route(
  "POST",
  "/test/:thingUuid/extras",
  defineRoute(
    {
      summary: "A hand-made route",
      params: z.object({ thingUuid: z.uuid() }),
      query: z.object({ dryRun: z.enum(["true", "false"]).optional() }),
      body: z.object({ name: z.string().describe("What to call it"), tree: Tree }),
    },
    () => ({}),
  ),
);

const operationOf = (doc: OpenApiDocument, method: string, path: string): OpenApiOperation | undefined =>
  doc.paths[openApiPath(path)]?.[method.toLowerCase() as "get"];

/**
 * Routes that answer JSON the contract has no schema for, as `METHOD /path` with the reason. Empty
 * while every answer is described: a route belongs here only until its shape joins the contract.
 */
const UNDESCRIBED_ANSWERS: Readonly<Record<string, string>> = {};

/** The routes that answer JSON without a `response` schema (nor a non-JSON `responseContentType`), the listed exceptions aside. */
function undescribedAnswers(routes: readonly ApiRoute[]): string[] {
  return routes
    .filter(({ handler }) => !handler.doc.response && !handler.doc.responseContentType)
    .map(({ method, path }) => `${method} ${path}`)
    .filter((key) => !(key in UNDESCRIBED_ANSWERS));
}

/**
 * What the document must say of each route, derived from the route's own schemas: an operation for
 * its method and path with its path parameters, its query's properties as query parameters, its
 * body's media type, its access and whether it needs credentials; and no operation the table lacks.
 */
function coverageProblems(doc: OpenApiDocument, routes: readonly ApiRoute[]): string[] {
  const problems: string[] = [];
  const expected = new Set<string>();
  for (const { method, path, handler } of routes) {
    const key = `${method} ${openApiPath(path)}`;
    expected.add(key);
    const operation = operationOf(doc, method, path);
    if (!operation) {
      problems.push(`${key}: no operation`);
      continue;
    }
    const named = (where: string) => (operation.parameters ?? []).filter((p) => p.in === where).map((p) => p.name).sort();
    if (named("path").join() !== pathParameterNames(path).sort().join()) problems.push(`${key}: path parameters ${named("path")}`);
    const { query, body, upload, access, responseContentType } = handler.doc;
    if (query instanceof z.ZodObject && named("query").join() !== Object.keys(query.shape).sort().join()) problems.push(`${key}: query ${named("query")}`);
    const mediaType = body ? "application/json" : upload ? "multipart/form-data" : undefined;
    if (Object.keys(operation.requestBody?.content ?? {}).join() !== (mediaType ?? "")) problems.push(`${key}: request body`);
    if (operation["x-relay-access"] !== access || (access === "public") === Boolean(operation.security)) problems.push(`${key}: access`);
    const answerType = responseContentType ?? "application/json";
    if (Object.keys(operation.responses["200"]?.content ?? {}).join() !== answerType) problems.push(`${key}: answer media type`);
  }
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) if (!expected.has(`${method.toUpperCase()} ${path}`)) problems.push(`${method.toUpperCase()} ${path}: not in the route table`);
  }
  return problems;
}

/** Every `$ref` in the document, which must name a component that exists. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, item]) => (key === "$ref" && typeof item === "string" ? [item] : refs(item)));
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("is a valid OpenAPI 3.1 document, and the validator does refuse a broken one", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const broken = { ...structuredClone(doc), paths: { "/x": { get: { responses: { "200": {} } } } } };
    expect((await new Validator().validate(broken as never)).valid).toBe(false);
  });

  it("has an operation for every route of the table, derived from its schemas, and nothing else", () => {
    expect(apiRoutes.length).toBeGreaterThan(50);
    expect(coverageProblems(doc, apiRoutes)).toEqual([]);
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
    expect(new Set(ids).size).toBe(apiRoutes.length);
  });

  it("describes the answer of every route: a contract schema for JSON, the media type otherwise", () => {
    expect(undescribedAnswers(apiRoutes)).toEqual([]);
    expect(undescribedAnswers([...apiRoutes, handMade])).toEqual(["POST /test/:thingUuid/extras"]);
    const table = new Map(apiRoutes.map(({ method, path, handler }) => [`${method} ${path}`, handler.doc]));
    for (const key of Object.keys(UNDESCRIBED_ANSWERS)) {
      expect(table.has(key), `${key} is not in the table any more`).toBe(true);
      expect(table.get(key)?.response ?? table.get(key)?.responseContentType, `${key} is described now`).toBeUndefined();
    }
    for (const { method, path, handler } of apiRoutes) {
      const success = operationOf(doc, method, path)!.responses["200"]!.content!;
      if (handler.doc.response) expect(success["application/json"]!.schema, `${method} ${path}`).not.toEqual({ type: "object" });
    }
  });

  it("catches a route the document lacks, one it has too many, and a parameter it dropped", () => {
    expect(coverageProblems(doc, [...apiRoutes, handMade])).toEqual(["POST /test/{thingUuid}/extras: no operation"]);
    const bigger = buildOpenApiDocument([...apiRoutes, handMade]);
    expect(coverageProblems(bigger, apiRoutes)).toEqual(["POST /test/{thingUuid}/extras: not in the route table"]);
    expect(coverageProblems(bigger, [...apiRoutes, handMade])).toEqual([]);
    const tampered = structuredClone(doc);
    tampered.paths["/connection/connectors/list"]!.get!.parameters = [];
    expect(coverageProblems(tampered, apiRoutes)).toEqual(["GET /connection/connectors/list: query "]);
    tampered.paths["/orchestration/batches/{uuid}/download"]!.get!.responses["200"] = { description: "Success", content: { "application/json": {} } };
    expect(coverageProblems(tampered, apiRoutes)).toEqual([
      "GET /connection/connectors/list: query ",
      "GET /orchestration/batches/{uuid}/download: answer media type",
    ]);
  });

  it("documents a route added to the table with nothing more: parameters, a recursive body hoisted into components", async () => {
    const bigger = buildOpenApiDocument([...apiRoutes, handMade]);
    const operation = operationOf(bigger, "POST", handMade.path)!;
    expect(operation).toMatchObject({ operationId: "postTestByThingUuidExtras", summary: "A hand-made route", tags: ["Test"], "x-relay-access": "member" });
    expect(operation.parameters).toEqual([
      { name: "thingUuid", in: "path", required: true, schema: expect.objectContaining({ type: "string", format: "uuid" }) },
      { name: "dryRun", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } },
    ]);
    const body = operation.requestBody!.content["application/json"]!.schema!;
    expect(body).toMatchObject({ required: ["name", "tree"], properties: { name: { type: "string", description: "What to call it" } } });
    expect(refs(body)).toEqual(["#/components/schemas/postTestByThingUuidExtrasBody_schema0"]);
    for (const ref of refs(bigger)) expect(Object.keys(bigger.components.schemas)).toContain(ref.replace("#/components/schemas/", ""));
    expect(JSON.stringify(body)).not.toContain("$defs");
    expect((await new Validator().validate(structuredClone(bigger) as never)).valid).toBe(true);
  });

  it("carries the contract's schemas through: a body's required fields, query parameters, path parameters, answers", () => {
    const create = operationOf(doc, "POST", "/connection/connectors")!;
    expect(create.requestBody!.content["application/json"]!.schema!.required).toEqual(["integrationSlug", "slug", "name", "config"]);
    expect(create["x-relay-access"]).toBe("admin");
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "4XX", "5XX"]));

    const catalog = operationOf(doc, "GET", "/connection/integrations/list")!;
    expect(catalog.parameters).toContainEqual({
      name: "search",
      in: "query",
      required: false,
      description: "Matches name, slug and description",
      schema: expect.objectContaining({ type: "string" }),
    });
    const audit = operationOf(doc, "GET", "/workspace/auditLog/list")!.parameters!.find((p) => p.name === "limit")!;
    expect(audit).toMatchObject({ required: false, schema: { type: "integer", default: 50, maximum: 200 } });

    expect(doc.paths["/connection/connectors/{uuid}"]?.get?.parameters).toEqual([expect.objectContaining({ name: "uuid", in: "path", required: true })]);
    const health = operationOf(doc, "GET", "/health")!;
    expect(health.responses["200"]!.content!["application/json"]!.schema).toMatchObject({ properties: { status: { enum: ["ok", "degraded"] } } });
    expect(health.security).toBeUndefined();
    expect(operationOf(doc, "GET", "/whoami")!.security).toEqual([{ apiToken: [] }, { sessionCookie: [] }]);

    const answerOf = (method: string, path: string) => operationOf(doc, method, path)!.responses["200"]!.content!;
    expect(answerOf("GET", "/orchestration/runs/:uuid")["application/json"]!.schema).toMatchObject({ required: ["run", "runContext", "runComputedConfigs"] });
    expect(answerOf("POST", "/orchestration/runs/cancel")["application/json"]!.schema).toMatchObject({ properties: { cancelledUuids: { type: "array" } } });
    expect(answerOf("DELETE", "/orchestration/workflows/:uuid")["application/json"]!.schema).toMatchObject({ type: "object", properties: {} });
    expect(answerOf("GET", "/orchestration/batches/:uuid/download")).toEqual({ "text/csv": { schema: { type: "string" } } });
    expect(answerOf("GET", "/connection/integrations/:slug/documentation")).toEqual({ "text/plain": { schema: { type: "string" } } });
  });

  it("shares one error schema, serves from both bases, groups by area, and is built once per process", () => {
    expect(doc.components.schemas.ApiError).toMatchObject({ required: ["errorMessage"], properties: { errorMessage: {}, reason: {}, problems: {} } });
    expect(doc.servers.map((server) => server.url)).toEqual(["/api/v1", "/v1"]);
    expect(doc.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(["Accounts", "Connectors", "Custom integrations", "Workflows", "Runs"]));
    expect(operationOf(doc, "GET", "/openapi.json")).toMatchObject({ tags: ["System"], "x-relay-access": "public" });
    expect(openApiDocument()).toBe(doc);
  });
});

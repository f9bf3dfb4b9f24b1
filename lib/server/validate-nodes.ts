import type { ValidateNodesResponseBody, WorkflowNode } from "@/lib/contract";
import { graphVersion } from "@/lib/db";
import { catalogFromIntegrations, validateNodes, type ValidationCatalog } from "@/lib/workflow";
import type { Deps } from "./deps";

type ValidationDeps = Pick<Deps, "db" | "integrations">;

/** The workspace's integrations and connectors as the plain catalog validation reads. */
export async function validationCatalog({ db, integrations }: ValidationDeps, workspaceUuid: string): Promise<ValidationCatalog> {
  const [resolved, connectors] = await Promise.all([integrations.list(workspaceUuid), db.connectors.list(workspaceUuid)]);
  return catalogFromIntegrations(
    resolved.map(({ integration }) => integration),
    connectors,
  );
}

/** Validates a graph against the workspace (the same answer the editor computes in the browser). */
export async function validateWorkflowNodes(deps: ValidationDeps, workspaceUuid: string, nodes: WorkflowNode[]): Promise<ValidateNodesResponseBody> {
  return validateNodes(nodes, await validationCatalog(deps, workspaceUuid));
}

/** How many answers each database's cache keeps (the oldest used goes first). */
const CACHE_ENTRIES = 500;
// Per database, so tests (and anything else holding several) never share answers.
const caches = new WeakMap<object, Map<string, Promise<ValidateNodesResponseBody>>>();

/**
 * `validateWorkflowNodes` for a run about to start, remembered per graph and catalog version: the
 * same graph (a saved workflow until its next save) against an unchanged catalog gets the answer
 * already computed, without building the catalog or validating again. The catalog version is read
 * on every call (see `catalogVersion`), so a change made by any process sharing the database shows.
 */
export async function validateForRun(deps: ValidationDeps, workspaceUuid: string, nodes: WorkflowNode[]): Promise<ValidateNodesResponseBody> {
  let cache = caches.get(deps.db);
  if (!cache) caches.set(deps.db, (cache = new Map()));
  // The graph's content stands for the workflow's uuid and version: a save changes both, and
  // an unsaved graph (a test run, one action) gets the same reuse.
  const key = `${workspaceUuid} ${graphVersion(nodes)} ${await catalogVersion(deps, workspaceUuid)}`;
  let answer = cache.get(key);
  if (answer) {
    cache.delete(key);
  } else {
    answer = validateWorkflowNodes(deps, workspaceUuid, nodes);
    answer.catch(() => cache.delete(key));
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, answer);
  return answer;
}

const manifestNumbers = new WeakMap<object, number>();
let nextManifestNumber = 1;

/**
 * What the catalog is built from, cheaply: the workspace's custom integrations (uuid, URL, last
 * change) and the count and latest change of its connectors (an insert, update or delete changes
 * one of them), read by one small query, and which manifest the process's manifest cache serves
 * for each custom integration (a new object after every fetch, so a manifest fetched again when
 * its 5 minutes are up counts as new). The built-in and SDK integrations are code: they cannot
 * change while the process runs.
 */
async function catalogVersion({ db, integrations }: ValidationDeps, workspaceUuid: string): Promise<string> {
  const { customs, connectors } = await db.customIntegrations.catalogVersions(workspaceUuid);
  const manifests = await Promise.all(
    customs.map(async ({ uuid, baseUrl, updatedAt }) => {
      // From memory (past its 5 minutes too, while one fetch in the background replaces it); never
      // fetched here yet, this fetches it, as building the catalog would have.
      const fetched = await integrations.manifests.get(uuid, baseUrl).catch(() => null);
      if (fetched && !manifestNumbers.has(fetched)) manifestNumbers.set(fetched, nextManifestNumber++);
      return `${uuid}@${updatedAt}:${fetched ? manifestNumbers.get(fetched) : "unavailable"}`;
    }),
  );
  return [connectors, ...manifests].join(" ");
}

import type { CreateModelRequestBody, Dataset, ExtractorPreviewResponseBody, ExtractorSource, Model, UpdateModelRequestBody } from "@/lib/contract";
import type { StoredModel, StoredSync } from "@/lib/db";
import type { ConnectorCtx, Deps } from "../deps-types";
import { AppError } from "../errors";
import { openExtractor, type OpenExtractor } from "./extractor-access";
import { importFileIntoModel } from "./file-models";
import { openSync } from "./sync-worker";

type ModelCtx = Pick<Deps, "db" | "integrations" | "vault" | "settings" | "runs">;

const PREVIEW_RECORDS = 20;

export function modelNotFound(uuid: string): AppError {
  return new AppError("not_found:model", `No model with uuid ${uuid}`, { reason: "modelNotFound" });
}

function toModel(stored: StoredModel, lastSync: StoredSync | null): Model {
  const { workspaceUuid: _workspace, syncCursor: _cursor, ...model } = stored;
  return { ...model, lastSync: lastSync ? withoutWorkspace(lastSync) : null };
}

export function withoutWorkspace({ workspaceUuid: _workspace, ...sync }: StoredSync) {
  return sync;
}

export async function listDatasets(ctx: Pick<Deps, "db">, workspaceUuid: string): Promise<Dataset[]> {
  return ctx.db.datasets.list(workspaceUuid);
}

export async function createDataset(ctx: Pick<Deps, "db">, workspaceUuid: string, name: string): Promise<Dataset> {
  return ctx.db.datasets.create(workspaceUuid, name);
}

export async function listModels(ctx: Pick<Deps, "db">, workspaceUuid: string, filter: { datasetUuid?: string }): Promise<Model[]> {
  const models = await ctx.db.models.list(workspaceUuid, filter);
  const latest = await ctx.db.modelSyncs.latest(models.map((model) => model.uuid));
  return models.map((model) => toModel(model, latest.get(model.uuid) ?? null));
}

export async function getStoredModel(ctx: Pick<Deps, "db">, workspaceUuid: string, uuid: string): Promise<StoredModel> {
  const model = await ctx.db.models.get(workspaceUuid, uuid);
  if (!model) throw modelNotFound(uuid);
  return model;
}

export async function getModel(ctx: Pick<Deps, "db">, workspaceUuid: string, uuid: string): Promise<Model> {
  const model = await getStoredModel(ctx, workspaceUuid, uuid);
  const latest = await ctx.db.modelSyncs.latest([uuid]);
  return toModel(model, latest.get(uuid) ?? null);
}

/**
 * What an extractor gives before a model is saved: its count (null when the server cannot count)
 * and its first page, fetched as a dry fetch.
 */
export async function previewExtractor(ctx: ConnectorCtx, workspaceUuid: string, source: ExtractorSource): Promise<ExtractorPreviewResponseBody> {
  const extractor = await openExtractor(ctx, workspaceUuid, source);
  const [count, page] = await Promise.all([extractor.count(), firstPage(extractor)]);
  return {
    count,
    columns: page.columns,
    idColumnSlug: page.idColumnSlug,
    titleColumnSlug: page.titleColumnSlug,
    records: page.records.slice(0, PREVIEW_RECORDS),
  };
}

/** The columns and first records an extractor declares, from a dry fetch. */
async function firstPage(extractor: OpenExtractor) {
  const answer = await extractor.fetch({ isDryFetch: true });
  if (answer.outcome === "fetching" || answer.data.kind !== "records") {
    return { columns: answer.columns, idColumnSlug: answer.idColumnSlug, titleColumnSlug: answer.titleColumnSlug, timeColumnSlug: answer.timeColumnSlug ?? null, records: [] };
  }
  return {
    columns: answer.columns,
    idColumnSlug: answer.idColumnSlug,
    titleColumnSlug: answer.titleColumnSlug,
    timeColumnSlug: answer.timeColumnSlug ?? null,
    records: answer.data.records.filter((op) => op.action !== "remove").map((op) => op.record),
  };
}

/**
 * Saves a model. From an extractor: the columns come from its first page, and the first sync
 * starts at once. From an uploaded CSV: the columns are the file's, and its rows are imported.
 */
export async function createModel(ctx: ModelCtx, workspaceUuid: string, body: CreateModelRequestBody): Promise<Model> {
  if (body.datasetUuid && !(await ctx.db.datasets.exists(workspaceUuid, body.datasetUuid))) {
    throw new AppError("not_found:dataset", `No dataset with uuid ${body.datasetUuid}`, { reason: "datasetNotFound" });
  }
  if (body.fileUuid) {
    const uuid = await importFileIntoModel(ctx, workspaceUuid, { name: body.name, datasetUuid: body.datasetUuid ?? null, fileUuid: body.fileUuid });
    return getModel(ctx, workspaceUuid, uuid);
  }
  const source = body.extractor!;
  const page = await firstPage(await openExtractor(ctx, workspaceUuid, source));
  const model = await ctx.db.models.create(workspaceUuid, {
    name: body.name,
    datasetUuid: body.datasetUuid ?? null,
    extractor: source,
    fileUuid: null,
    columns: page.columns,
    idColumnSlug: page.idColumnSlug,
    titleColumnSlug: page.titleColumnSlug,
    timeColumnSlug: page.timeColumnSlug,
    isSyncScheduled: body.isSyncScheduled ?? false,
  });
  await openSync(ctx, ctx.runs.jobs, workspaceUuid, model.uuid, "manual", false);
  return getModel(ctx, workspaceUuid, model.uuid);
}

export async function updateModel(ctx: ModelCtx, workspaceUuid: string, uuid: string, body: UpdateModelRequestBody): Promise<Model> {
  const current = await getStoredModel(ctx, workspaceUuid, uuid);
  if (body.datasetUuid && !(await ctx.db.datasets.exists(workspaceUuid, body.datasetUuid))) {
    throw new AppError("not_found:dataset", `No dataset with uuid ${body.datasetUuid}`, { reason: "datasetNotFound" });
  }
  if ((body.isSyncScheduled || body.extractorConfig) && !current.extractor) {
    throw new AppError("bad_request:model", "This model was imported from a file; only models of an extractor are synced");
  }
  let extractor = current.extractor;
  if (body.extractorConfig && current.extractor) {
    extractor = { ...current.extractor, config: body.extractorConfig };
    await openExtractor(ctx, workspaceUuid, extractor);
    // A sync under way would go on writing the old config's cursor, which the next sync would
    // send with the new config: it is stopped first, and the next one starts from scratch.
    await cancelOpenSync(ctx, workspaceUuid, uuid);
  }
  await ctx.db.models.update(workspaceUuid, uuid, {
    name: body.name,
    datasetUuid: body.datasetUuid,
    isSyncScheduled: body.isSyncScheduled,
    extractor: body.extractorConfig ? extractor : undefined,
  });
  return getModel(ctx, workspaceUuid, uuid);
}

export async function removeModel(ctx: ModelCtx, workspaceUuid: string, uuid: string): Promise<void> {
  await cancelOpenSync(ctx, workspaceUuid, uuid);
  if (!(await ctx.db.models.remove(workspaceUuid, uuid))) throw modelNotFound(uuid);
}

async function cancelOpenSync(ctx: ModelCtx, workspaceUuid: string, modelUuid: string): Promise<void> {
  const [open] = (await ctx.db.modelSyncs.list(modelUuid, 1)).filter((sync) => sync.status === "pending" || sync.status === "running");
  if (open) await cancelSync(ctx, workspaceUuid, modelUuid, open.uuid);
}

/** Starts a sync of an extractor's model, or answers the one already under way. */
export async function startSync(ctx: ModelCtx, workspaceUuid: string, uuid: string) {
  const model = await getStoredModel(ctx, workspaceUuid, uuid);
  if (!model.extractor) throw new AppError("bad_request:model", "This model was imported from a file; there is nothing to sync it from");
  const { sync } = await openSync(ctx, ctx.runs.jobs, workspaceUuid, uuid, "manual", model.syncCursor !== null);
  return withoutWorkspace(sync);
}

export async function listSyncs(ctx: Pick<Deps, "db">, workspaceUuid: string, uuid: string) {
  await getStoredModel(ctx, workspaceUuid, uuid);
  return (await ctx.db.modelSyncs.list(uuid, 50)).map(withoutWorkspace);
}

/** Cancels an open sync: the pages it stored stay; the next sync resumes after them. */
export async function cancelSync(ctx: Pick<Deps, "db" | "runs">, workspaceUuid: string, modelUuid: string, syncUuid: string) {
  const sync = await ctx.db.modelSyncs.get(syncUuid);
  if (!sync || sync.workspaceUuid !== workspaceUuid || sync.modelUuid !== modelUuid) {
    throw new AppError("not_found:sync", `No sync with uuid ${syncUuid}`, { reason: "syncNotFound" });
  }
  await ctx.db.modelSyncs.cancel(syncUuid);
  ctx.runs.syncs.abort(syncUuid);
  return withoutWorkspace((await ctx.db.modelSyncs.get(syncUuid))!);
}

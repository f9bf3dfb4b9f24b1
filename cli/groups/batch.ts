import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import type { BatchResponseBody } from "@/lib/contract";
import { writeFileAtomically } from "../atomic-file";
import { byUuid, option, pick, segment, uuidArg, type CommandContext, type GroupSpec, type Values } from "../command-table";
import { CliError } from "../output";
import { finishBatch, pollingInterval, waitOptions } from "../wait";

const BASE = "/orchestration/batches";
/** Batches take longer than runs; every two seconds is live enough for progress. */
export const BATCH_POLLING_MS = 2000;

/** `--webhook-url` and `--webhook-secret`: where `batch.finished` is POSTed, signed. */
export const webhookOptions = [
  option.string("--webhook-url <url>", "POST batch.finished here when the batch ends"),
  option.string("--webhook-secret <secret>", "signs the webhook (16+ characters; required with --webhook-url)"),
];

/** `relay orchestration batch …`: one run of a graph per record. */
export const batchGroup: GroupSpec = {
  name: "batch",
  summary: "Batches: a graph run once per record (inline records, a file, a filter or a segment)",
  examples: [
    `relay orchestration batch create --workflow-uuid <uuid> --data '{"kind":"segment","segmentUuid":"<uuid>"}' --wait-until-finished`,
    "relay orchestration batch download <uuid> --output results.csv",
  ],
  commands: [
    {
      name: "create",
      summary: "Start a batch of a workflow's draft, a release or a graph; --data says over which records",
      examples: [
        `relay orchestration batch create --workflow-uuid <uuid> --data '{"kind":"records","records":[{"id":"1","name":"Ada"}]}'`,
        `relay orchestration batch create --workflow-uuid <uuid> --data '{"kind":"segment","segmentUuid":"<uuid>"}' --wait-until-finished`,
      ],
      options: [
        option.string("--workflow-uuid <uuid>", "run this workflow's saved draft"),
        option.string("--release-uuid <uuid>", "run this release's graph"),
        option.json("--nodes <json>", "run this node graph"),
        option.json("--data <json>", "the records: {kind: records|file|recordIds|filter|segment, …}", true),
        ...webhookOptions,
        ...waitOptions(BATCH_POLLING_MS),
      ],
      async run(values, context) {
        const interval = pollingInterval(values, BATCH_POLLING_MS);
        const api = await context.api();
        const body = pick(values, ["workflowUuid", "releaseUuid", "nodes", "data", "webhookUrl", "webhookSecret"]);
        const answer = await api.json<BatchResponseBody>({ method: "POST", path: BASE, body });
        return values.waitUntilFinished ? finishBatch(context, api, answer, interval) : answer;
      },
    },
    {
      name: "get",
      summary: "One batch with its counts (runs, executed, failed) and webhook state",
      examples: ["relay orchestration batch get <uuid>"],
      args: [uuidArg("batch")],
      request: byUuid("GET", BASE),
    },
    {
      name: "list",
      summary: "List batches, newest first",
      examples: ["relay orchestration batch list --workflow-uuid <uuid> --statuses running,pending"],
      options: [
        option.string("--workflow-uuid <uuid>", "only this workflow's batches"),
        option.list("--statuses <statuses>", "pending, running, success, error, cancelled"),
        option.int("--limit <n>", "at most this many (default 50, at most 500)"),
      ],
      request: (values) => ({ method: "GET", path: `${BASE}/list`, query: pick(values, ["workflowUuid", "statuses", "limit"]) }),
    },
    {
      name: "cancel",
      summary: "Cancel a batch and every unfinished run of it",
      examples: ["relay orchestration batch cancel <uuid>"],
      args: [uuidArg("batch")],
      request: byUuid("POST", BASE, "/cancel"),
    },
    {
      name: "retry-failed",
      summary: "Run the records whose run failed again",
      examples: ["relay orchestration batch retry-failed <uuid>"],
      args: [uuidArg("batch")],
      request: byUuid("POST", BASE, "/retryFailed"),
    },
    {
      name: "download",
      summary: "The batch's results as CSV (a row per record), on stdout or into --output",
      examples: ["relay orchestration batch download <uuid> > results.csv", "relay orchestration batch download --uuid <uuid> --output-node-slug enrich --output results.csv"],
      args: [uuidArg("batch")],
      options: [
        option.string("--output-node-slug <slug>", "the node whose output fills the columns (default: the run's output)"),
        option.string("--output <file>", "write the CSV here and print {file, bytes}"),
      ],
      run: download,
    },
  ],
};

/**
 * Streams the CSV, since a batch may have a hundred thousand rows. `--output` appears only once the
 * whole CSV is in: a download cut off leaves no half file (and an older file as it was).
 */
async function download(values: Values, context: CommandContext): Promise<unknown> {
  const api = await context.api();
  const response = await api.send({ method: "GET", path: `${BASE}/${segment(values.uuid)}/download`, query: pick(values, ["outputNodeSlug"]) });
  const body = Readable.from(response.body ? chunksOf(response.body as ReadableStream<Uint8Array>) : []);
  if (typeof values.output === "string") {
    try {
      await writeFileAtomically(values.output, body);
    } catch (error) {
      throw new CliError(`Downloading batch ${String(values.uuid)} into ${values.output} failed, so it was not written: ${downloadReason(error)}`);
    }
    return { file: values.output, bytes: (await stat(values.output)).size };
  }
  for await (const chunk of body) {
    if (!context.stdout.write(chunk as Buffer)) await new Promise((resolve) => context.stdout.once("drain", resolve));
  }
  return undefined;
}

/**
 * The body's chunks, read with its own reader (Node 20's `Readable.fromWeb` was seen to throw the
 * fetch's "terminated" error uncaught when the server cut the download off); cancelled when the
 * writer stops early.
 */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

/** A cut-off stream says only "terminated"; its cause says why (the server closed the connection). */
function downloadReason(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } }).cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return typeof cause === "string" ? `${message} (${cause})` : message;
}

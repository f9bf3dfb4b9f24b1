import type { Segment } from "@/lib/contract";
import { byUuid, option, pick, segment, uuidArg, type GroupSpec } from "../command-table";
import { CliError } from "../output";

const BASE = "/segmentation/segments";

/** `relay segmentation segment …`: saved filters over a model, and fetching the records a filter selects. */
export const segmentGroup: GroupSpec = {
  name: "segment",
  summary: "Segments: saved filters over a model's records",
  examples: ["relay segmentation segment list --model-uuid <uuid>", `relay segmentation segment fetch --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}' --fetching-limit 100`],
  commands: [
    {
      name: "list",
      summary: "List segments",
      examples: ["relay segmentation segment list", "relay segmentation segment list --model-uuid <uuid>"],
      options: [option.string("--model-uuid <uuid>", "only this model's segments")],
      request: (values) => ({ method: "GET", path: `${BASE}/list`, query: pick(values, ["modelUuid"]) }),
    },
    {
      name: "get",
      summary: "One segment with its filter",
      examples: ["relay segmentation segment get <uuid>"],
      args: [uuidArg("segment")],
      request: byUuid("GET", BASE),
    },
    {
      name: "create",
      summary: "Save a filter over a model as a segment",
      examples: [`relay segmentation segment create --model-uuid <uuid> --name "EU leads" --filter @filter.json`],
      options: [
        option.string("--model-uuid <uuid>", "the model", true),
        option.string("--name <name>", "its name", true),
        option.json("--filter <json>", "Cargo's filter: {conjonction, groups}", true),
        option.json("--sort <json>", "[{columnSlug, kind: asc|desc}]"),
      ],
      request: (values) => ({ method: "POST", path: BASE, body: pick(values, ["modelUuid", "name", "filter", "sort"]) }),
    },
    {
      name: "update",
      summary: "Rename a segment or change its filter or sort",
      examples: ['relay segmentation segment update --uuid <uuid> --name "Updated name"', "relay segmentation segment update <uuid> --filter @filter.json"],
      args: [uuidArg("segment")],
      options: [option.string("--name <name>", "a new name"), option.json("--filter <json>", "a new filter"), option.json("--sort <json>", "a new sort")],
      request: (values) => ({ method: "PUT", path: `${BASE}/${segment(values.uuid)}`, body: pick(values, ["name", "filter", "sort"]) }),
    },
    {
      name: "remove",
      summary: "Remove a segment (refused while a play or a running batch uses it)",
      examples: ["relay segmentation segment remove <uuid>"],
      args: [uuidArg("segment")],
      request: byUuid("DELETE", BASE),
    },
    {
      name: "fetch",
      summary: "The records a filter (or a saved segment) selects, and how many match",
      examples: [
        `relay segmentation segment fetch --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}' --fetching-limit 100 --fetching-offset 0`,
        "relay segmentation segment fetch --segment-uuid <uuid>",
      ],
      options: [
        option.string("--model-uuid <uuid>", "the model (or --segment-uuid)"),
        option.string("--segment-uuid <uuid>", "use this segment's model, filter and sort (--filter and --sort still win)"),
        option.json("--filter <json>", "Cargo's filter (default: every record)"),
        option.json("--sort <json>", "[{columnSlug, kind: asc|desc}]"),
        option.int("--fetching-limit <n>", "at most this many records (default 100, at most 1000)"),
        option.int("--fetching-offset <n>", "skip this many"),
      ],
      async run(values, context) {
        const api = await context.api();
        const saved = values.segmentUuid
          ? (await api.json<{ segment: Segment }>({ method: "GET", path: `${BASE}/${segment(values.segmentUuid)}` })).segment
          : undefined;
        const modelUuid = values.modelUuid ?? saved?.modelUuid;
        if (!modelUuid) throw new CliError("Give --model-uuid or --segment-uuid");
        const body = {
          modelUuid,
          ...(saved && { filter: saved.filter, sort: saved.sort }),
          ...pick(values, ["filter", "sort"]),
          ...(values.fetchingLimit !== undefined && { limit: values.fetchingLimit }),
          ...(values.fetchingOffset !== undefined && { offset: values.fetchingOffset }),
        };
        return api.json({ method: "POST", path: `${BASE}/fetch`, body });
      },
    },
  ],
};

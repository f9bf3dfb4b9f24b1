import { byUuid, option, pick, segment, uuidArg, type GroupSpec } from "../command-table";

const MODELS = "/storage/models";

/** `relay storage model …`: records from a connector's extractor or an uploaded CSV. */
export const modelGroup: GroupSpec = {
  name: "model",
  summary: "Models: tables of records fed by an extractor or a CSV",
  examples: ["relay storage model list", "relay storage model sync <uuid>"],
  commands: [
    {
      name: "list",
      summary: "List models with their record count and last sync",
      examples: ["relay storage model list", "relay storage model list --dataset-uuid <uuid>"],
      options: [option.string("--dataset-uuid <uuid>", "only this dataset's models")],
      request: (values) => ({ method: "GET", path: `${MODELS}/list`, query: pick(values, ["datasetUuid"]) }),
    },
    {
      name: "get",
      summary: "One model with its columns",
      examples: ["relay storage model get <uuid>"],
      args: [uuidArg("model")],
      request: byUuid("GET", MODELS),
    },
    {
      name: "create",
      summary: "Create a model from a connector's extractor (its first sync starts at once) or an uploaded CSV",
      examples: [
        `relay storage model create --name Contacts --extractor '{"connectorUuid":"<uuid>","extractorSlug":"contacts","config":{}}'`,
        "relay storage model create --name Leads --file-uuid <uuid>",
      ],
      options: [
        option.string("--name <name>", "its name", true),
        option.string("--dataset-uuid <uuid>", "the dataset it belongs to"),
        option.json("--extractor <json>", "{connectorUuid, extractorSlug, config}"),
        option.string("--file-uuid <uuid>", "an uploaded CSV"),
        option.boolean("--is-sync-scheduled <boolean>", "sync on the extractor's schedule"),
      ],
      request: (values) => ({ method: "POST", path: MODELS, body: pick(values, ["name", "datasetUuid", "extractor", "fileUuid", "isSyncScheduled"]) }),
    },
    {
      name: "update",
      summary: "Rename a model, move it, change its schedule or its extractor config",
      examples: ["relay storage model update <uuid> --name Customers --is-sync-scheduled true"],
      args: [uuidArg("model")],
      options: [
        option.string("--name <name>", "a new name"),
        option.string("--dataset-uuid <uuid>", "another dataset"),
        option.boolean("--is-sync-scheduled <boolean>", "sync on the extractor's schedule"),
        option.json("--extractor-config <json>", "a new extractor config (the next sync starts from scratch)"),
      ],
      request: (values) => ({ method: "PUT", path: `${MODELS}/${segment(values.uuid)}`, body: pick(values, ["name", "datasetUuid", "isSyncScheduled", "extractorConfig"]) }),
    },
    {
      name: "remove",
      summary: "Remove a model with its records, syncs and segments",
      examples: ["relay storage model remove <uuid>"],
      args: [uuidArg("model")],
      request: byUuid("DELETE", MODELS),
    },
    {
      name: "sync",
      summary: "Start a sync (or answer the one under way)",
      examples: ["relay storage model sync <uuid>"],
      args: [uuidArg("model")],
      request: byUuid("POST", MODELS, "/sync"),
    },
    {
      name: "list-syncs",
      summary: "A model's syncs, newest first",
      examples: ["relay storage model list-syncs <uuid>"],
      args: [uuidArg("model")],
      request: byUuid("GET", MODELS, "/syncs/list"),
    },
  ],
};

/** `relay storage dataset …`: folders of models. */
export const datasetGroup: GroupSpec = {
  name: "dataset",
  summary: "Datasets: folders of models",
  examples: ["relay storage dataset list", "relay storage dataset create --name CRM"],
  commands: [
    {
      name: "list",
      summary: "List datasets by name",
      examples: ["relay storage dataset list"],
      request: () => ({ method: "GET", path: "/storage/datasets/list" }),
    },
    {
      name: "create",
      summary: "Create a dataset",
      examples: ["relay storage dataset create --name CRM"],
      options: [option.string("--name <name>", "its name", true)],
      request: (values) => ({ method: "POST", path: "/storage/datasets", body: pick(values, ["name"]) }),
    },
  ],
};

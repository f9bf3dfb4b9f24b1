import { byUuid, option, pick, segment, uuidArg, type GroupSpec, type OptionSpec, type Values } from "../command-table";
import { CliError } from "../output";

const BASE = "/orchestration/plays";

/** The settings create and update share; on create, what is left out takes the API's default. */
const settingOptions: OptionSpec[] = [
  option.string("--description <text>", "what it does"),
  option.list("--change-kinds <kinds>", "the segment changes that start a run: added, updated, removed (on create: added)"),
  option.string("--run-creation-rule <rule>", "always: a run on every change; once: a record is run once, ever (on create: always)"),
  option.json("--schedule <json>", `{"type":"cron","cron":"0 8 * * 1"}: a batch over the whole segment at each tick (UTC); null removes it`),
  option.string("--cron <expression>", "the same as --schedule with this cron expression (UTC)"),
  // JSON, so `null` ("never pause") can be said as well as a rate.
  { flags: "--health-threshold <rate>", description: "pause the play when more than this share (0..1) of its last 20 ended runs failed; null never pauses it", kind: "json" },
];

const SETTINGS = ["description", "changeKinds", "runCreationRule", "healthThreshold"] as const;

/** The body's fields that were given, with `--cron` written as the schedule it stands for. */
function playBody(values: Values, keys: readonly string[]): Record<string, unknown> {
  if (values.cron !== undefined && values.schedule !== undefined) throw new CliError("Give --cron or --schedule, not both");
  const schedule = values.cron === undefined ? values.schedule : { type: "cron", cron: values.cron };
  return { ...pick(values, keys), ...(schedule !== undefined && { schedule }) };
}

/** `relay orchestration play …`: a workflow run over the records a sync changes in a segment. */
export const playGroup: GroupSpec = {
  name: "play",
  summary: "Plays: a workflow's deployed release run on a segment's changes or on a schedule",
  examples: ["relay orchestration play list", "relay orchestration play create --workflow-uuid <uuid> --name Leads --model-uuid <uuid> --segment-uuid <uuid>"],
  commands: [
    {
      name: "list",
      summary: "List plays (name, workflowUuid, modelUuid, segmentUuid, health)",
      examples: ["relay orchestration play list"],
      request: () => ({ method: "GET", path: `${BASE}/list` }),
    },
    {
      name: "get",
      summary: "One play",
      examples: ["relay orchestration play get <uuid>"],
      args: [uuidArg("play")],
      request: byUuid("GET", BASE),
    },
    {
      name: "create",
      summary: "Make a workflow (not a tool's) a play over a model's segment",
      examples: [
        `relay orchestration play create --workflow-uuid <uuid> --name "Enrich new leads" --model-uuid <uuid> --segment-uuid <uuid> --change-kinds added,updated`,
        `relay orchestration play create --workflow-uuid <uuid> --name "Weekly refresh" --model-uuid <uuid> --segment-uuid <uuid> --cron "0 8 * * 1" --health-threshold 0.5`,
      ],
      options: [
        option.string("--workflow-uuid <uuid>", "the workflow it runs (its deployed release)", true),
        option.string("--name <name>", "its name", true),
        option.string("--model-uuid <uuid>", "the model whose syncs start it", true),
        option.string("--segment-uuid <uuid>", "a segment of that model", true),
        ...settingOptions,
        option.boolean("--is-enabled <boolean>", "enabled once created (default true)"),
      ],
      request: (values) => ({ method: "POST", path: BASE, body: playBody(values, ["workflowUuid", "name", "modelUuid", "segmentUuid", ...SETTINGS, "isEnabled"]) }),
    },
    {
      name: "update",
      summary: "Change a play's settings (what is given changes; enable and disable are commands of their own)",
      examples: ["relay orchestration play update <uuid> --change-kinds added --run-creation-rule once", "relay orchestration play update --uuid <uuid> --schedule null --health-threshold null"],
      args: [uuidArg("play")],
      options: [
        option.string("--name <name>", "a new name"),
        option.string("--model-uuid <uuid>", "another model (with --segment-uuid)"),
        option.string("--segment-uuid <uuid>", "another segment of the model"),
        ...settingOptions,
      ],
      request: (values) => ({ method: "PUT", path: `${BASE}/${segment(values.uuid)}`, body: playBody(values, ["name", "modelUuid", "segmentUuid", ...SETTINGS]) }),
    },
    {
      name: "enable",
      summary: "Enable a play (also lifts a health pause)",
      examples: ["relay orchestration play enable <uuid>"],
      args: [uuidArg("play")],
      request: byUuid("POST", BASE, "/enable"),
    },
    {
      name: "disable",
      summary: "Disable a play",
      examples: ["relay orchestration play disable <uuid>"],
      args: [uuidArg("play")],
      request: byUuid("POST", BASE, "/disable"),
    },
    {
      name: "remove",
      summary: "Remove a play (its workflow, batches and runs stay)",
      examples: ["relay orchestration play remove <uuid>"],
      args: [uuidArg("play")],
      request: byUuid("DELETE", BASE),
    },
  ],
};

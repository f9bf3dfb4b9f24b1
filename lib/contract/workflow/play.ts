import { z } from "zod";
import { IsoDateTime, Uuid } from "../api/common";
import { BatchStatus } from "../records/batches";
import { DeployedReleaseSummary } from "./release";

/** What a sync did to a record of the play's segment: entered it, changed inside it, or left it. */
export const PlayChangeKind = z.enum(["added", "updated", "removed"]);
export type PlayChangeKind = z.infer<typeof PlayChangeKind>;

/** `always`: a run every time a record changes; `once`: a record is run by the play once, ever. */
export const RunCreationRule = z.enum(["always", "once"]);
export type RunCreationRule = z.infer<typeof RunCreationRule>;

/**
 * A cron schedule in UTC: at each tick a batch runs the play over its segment's records. Five
 * fields (minute hour day month weekday) or six with seconds first; checked loosely here, fully by
 * the server's scheduler (croner) when the play is saved.
 */
export const PlaySchedule = z
  .strictObject({
    type: z.literal("cron"),
    cron: z
      .string()
      .trim()
      .regex(/^\S+(\s+\S+){4,5}$/, "A cron expression has five fields (minute hour day month weekday), or six with seconds first"),
  })
  .nullable();
export type PlaySchedule = z.infer<typeof PlaySchedule>;

/** How many of a play's latest ended runs its health is judged on. */
export const PLAY_HEALTH_WINDOW = 20;

const PlayName = z.string().trim().min(1, "Name is required").max(120, "Name is at most 120 characters");
const PlayDescription = z.string().max(2000, "A description is at most 2000 characters");
const ChangeKinds = z.array(PlayChangeKind).max(3).describe("The changes that start a run; at least one unless a schedule is given");
const HealthThreshold = z
  .number()
  .min(0)
  .max(1)
  .nullable()
  .describe(`Failure rate (0..1) of the last ${PLAY_HEALTH_WINDOW} ended runs above which the play pauses; null never pauses it`);

export const PlayHealth = z.object({
  status: z.enum(["healthy", "paused"]).describe("A paused play starts no batch until it is enabled again"),
  reason: z.string().nullable().describe("Why it is paused, or what kept it from running (such as no deployed release)"),
  recentRunsCount: z.number().int().describe(`Ended runs counted: at most ${PLAY_HEALTH_WINDOW}`),
  recentFailedCount: z.number().int().describe("Of those, the ones that failed"),
});
export type PlayHealth = z.infer<typeof PlayHealth>;

/**
 * A workflow bound to a model's segment: when a sync changes the segment in one of `changeKinds`,
 * a batch of kind `change` runs the workflow's deployed release over exactly those records.
 */
export const Play = z.object({
  uuid: Uuid,
  workspaceUuid: Uuid,
  workflowUuid: Uuid,
  name: PlayName,
  description: z.string(),
  modelUuid: Uuid,
  segmentUuid: Uuid,
  changeKinds: ChangeKinds,
  runCreationRule: RunCreationRule,
  isEnabled: z.boolean(),
  schedule: PlaySchedule.describe("A cron schedule (UTC): each tick runs the play over its segment's records, once across workers"),
  healthThreshold: HealthThreshold,
  health: PlayHealth,
  deployedRelease: DeployedReleaseSummary.nullable().describe("What the play runs; null until the workflow is deployed"),
  lastBatch: z.object({ uuid: Uuid, status: BatchStatus, createdAt: IsoDateTime }).nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Play = z.infer<typeof Play>;

const needsAKind = (body: { changeKinds?: PlayChangeKind[]; schedule?: PlaySchedule }, ctx: z.RefinementCtx) => {
  if (body.changeKinds !== undefined && body.changeKinds.length === 0 && !body.schedule) {
    ctx.addIssue({ code: "custom", path: ["changeKinds"], message: "Pick at least one change kind, or give a schedule" });
  }
};

/** `POST /orchestration/plays`: a play over a workflow that is neither a play nor a tool yet. */
export const CreatePlayRequestBody = z
  .strictObject({
    workflowUuid: Uuid.describe("The workflow it runs (its deployed release); 409 `playExists` when it has a play already"),
    name: PlayName,
    description: PlayDescription.default(""),
    modelUuid: Uuid,
    segmentUuid: Uuid.describe("A segment of `modelUuid`"),
    changeKinds: ChangeKinds.default(["added"]),
    runCreationRule: RunCreationRule.default("always"),
    isEnabled: z.boolean().default(true),
    schedule: PlaySchedule.default(null),
    healthThreshold: HealthThreshold.default(null),
  })
  .superRefine(needsAKind);
export type CreatePlayRequestBody = z.input<typeof CreatePlayRequestBody>;

/**
 * `PUT /orchestration/plays/:uuid`: what is given changes (enable and disable have routes of their
 * own). "A kind or a schedule" is checked on the play as it would be, by the server: a body
 * alone cannot tell (no kinds is fine for a play that keeps its schedule).
 */
export const UpdatePlayRequestBody = z.strictObject({
    name: PlayName.optional(),
    description: PlayDescription.optional(),
    modelUuid: Uuid.optional(),
    segmentUuid: Uuid.optional(),
    changeKinds: ChangeKinds.optional(),
    runCreationRule: RunCreationRule.optional(),
    schedule: PlaySchedule.optional(),
    healthThreshold: HealthThreshold.optional(),
});
export type UpdatePlayRequestBody = z.infer<typeof UpdatePlayRequestBody>;

export const PlayResponseBody = z.object({ play: Play });
export type PlayResponseBody = z.infer<typeof PlayResponseBody>;

export const PlayListResponseBody = z.object({ plays: z.array(Play) });
export type PlayListResponseBody = z.infer<typeof PlayListResponseBody>;

/** `POST /orchestration/workflows/:uuid/testRun`: the editor's test run of the draft, allowed for plays. */
export const TestRunRequestBody = z.strictObject({ data: z.record(z.string(), z.unknown()).default({}).describe("The run's data") });
export type TestRunRequestBody = z.input<typeof TestRunRequestBody>;

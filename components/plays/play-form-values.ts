import type { CreatePlayRequestBody, Play, PlayChangeKind, RunCreationRule, UpdatePlayRequestBody } from "@/lib/contract";

/** What the play form holds: the API's fields, with the schedule and threshold as the operator types them. */
export interface PlayFormValues {
  workflowUuid: string;
  name: string;
  description: string;
  modelUuid: string;
  segmentUuid: string;
  changeKinds: PlayChangeKind[];
  runCreationRule: RunCreationRule;
  /** Empty: no schedule. */
  cron: string;
  /** 0..100, as typed; empty: never paused for its failures. */
  healthPercent: string;
}

export const NEW_PLAY: PlayFormValues = {
  workflowUuid: "",
  name: "",
  description: "",
  modelUuid: "",
  segmentUuid: "",
  changeKinds: ["added"],
  runCreationRule: "always",
  cron: "",
  healthPercent: "50",
};

export function valuesOf(play: Play): PlayFormValues {
  return {
    workflowUuid: play.workflowUuid,
    name: play.name,
    description: play.description,
    modelUuid: play.modelUuid,
    segmentUuid: play.segmentUuid,
    changeKinds: play.changeKinds,
    runCreationRule: play.runCreationRule,
    cron: play.schedule?.cron ?? "",
    healthPercent: play.healthThreshold === null ? "" : String(Math.round(play.healthThreshold * 100)),
  };
}

/** The PUT body: every field of the form (the workflow of a play does not change). */
export function updateBodyOf(values: PlayFormValues): UpdatePlayRequestBody {
  const percent = values.healthPercent.trim();
  return {
    name: values.name.trim(),
    description: values.description,
    modelUuid: values.modelUuid,
    segmentUuid: values.segmentUuid,
    changeKinds: values.changeKinds,
    runCreationRule: values.runCreationRule,
    schedule: values.cron.trim() ? { type: "cron", cron: values.cron.trim() } : null,
    healthThreshold: percent === "" ? null : Number(percent) / 100,
  };
}

export function createBodyOf(values: PlayFormValues): CreatePlayRequestBody {
  const { name, modelUuid, segmentUuid, ...rest } = updateBodyOf(values);
  return { workflowUuid: values.workflowUuid, name: name ?? "", modelUuid: modelUuid ?? "", segmentUuid: segmentUuid ?? "", ...rest };
}

/** Which field of the form an API problem is about, by the first part of its path (`schedule.cron` → `cron`). */
export function problemField(path: string): keyof PlayFormValues | undefined {
  const head = path.replace(/^\$?\.?/, "").split(/[.[]/)[0];
  if (head === "schedule") return "cron";
  if (head === "healthThreshold") return "healthPercent";
  return head && head in NEW_PLAY ? (head as keyof PlayFormValues) : undefined;
}

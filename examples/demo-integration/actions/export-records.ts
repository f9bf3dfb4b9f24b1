import { createHash } from "node:crypto";
import { z } from "zod";
import type { CrmRecord } from "../record-types";
import { OBJECTS } from "../objects";
import { parseOrThrow } from "../parse";
import { ObjectTypeInput, objectTypeField } from "./fields";
import type { DemoAction } from "./types";

/** The export "finishes" on this call, so clients exercise their `executing` polling. */
const READY_ON_CALL = 3;

const Config = z.object({ objectType: ObjectTypeInput });

/** exportRecords: an asynchronous action that answers `executing` twice before the CSV is ready. */
export const exportRecords: DemoAction = {
  manifest: {
    name: "Export records",
    description: "Exports every record of an object as CSV; takes a few polls to finish",
    executing: { retry: { maximumAttempts: 10, initialInterval: 500, backoffCoefficient: 1.5 }, withRateLimit: false },
    config: {
      jsonSchema: { type: "object", required: ["objectType"], properties: { objectType: objectTypeField.jsonSchema } },
      uiSchema: { objectType: objectTypeField.uiSchema },
    },
  },
  execute({ state, config, jobKey }) {
    const { objectType } = parseOrThrow(Config, config, "config");
    const calls = (state.exportProgress.get(jobKey) ?? 0) + 1;
    if (calls < READY_ON_CALL) {
      state.exportProgress.set(jobKey, calls);
      return { outcome: "executing" };
    }
    state.exportProgress.delete(jobKey);
    const records = state.store.list(objectType);
    return {
      outcome: "executed",
      title: `📦 ${records.length} ${OBJECTS[objectType].slug} exported`,
      data: {
        exportId: `exp_${createHash("sha256").update(jobKey).digest("hex").slice(0, 12)}`,
        objectType,
        count: records.length,
        csv: toCsv(objectType, records),
      },
    };
  },
};

function toCsv(objectType: keyof typeof OBJECTS, records: CrmRecord[]): string {
  const columns = OBJECTS[objectType].properties.map((property) => property.name);
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = records.map((record) => columns.map((column) => cell(record[column])).join(","));
  return [columns.join(","), ...rows].join("\n");
}

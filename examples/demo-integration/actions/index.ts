import { createRecord } from "./create-record";
import { exportRecords } from "./export-records";
import { findRecords } from "./find-records";
import { lookupRecord } from "./lookup-record";
import { simulateError } from "./simulate-error";
import type { DemoAction } from "./types";
import { updateRecord } from "./update-record";

/** Every action, by slug, in manifest order. */
export const ACTIONS: Record<string, DemoAction> = {
  createRecord,
  updateRecord,
  findRecords,
  lookupRecord,
  exportRecords,
  simulateError,
};

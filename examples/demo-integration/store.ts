import { generateDataset, pad } from "./data";
import type { CrmRecord, Dataset, Owner } from "./record-types";
import { OBJECTS, type ObjectType } from "./objects";

/** The mutable in-memory CRM behind one handler instance. */
export interface CrmStore {
  owners(): Owner[];
  list(objectType: ObjectType): CrmRecord[];
  get(objectType: ObjectType, id: string): CrmRecord | undefined;
  /** Records whose property equals the value, compared as case-insensitive text. */
  findBy(objectType: ObjectType, property: string, value: unknown): CrmRecord[];
  create(objectType: ObjectType, fields: CrmRecord, options?: { dryRun?: boolean }): CrmRecord;
  update(objectType: ObjectType, id: string, changes: CrmRecord, options?: { dryRun?: boolean }): CrmRecord;
  reset(): void;
}

/** Creates a store holding a fresh copy of the generated dataset. */
export function createStore(): CrmStore {
  let data: Dataset = generateDataset();
  let lastWrite = latestUpdate(data);

  // Strictly increasing write times keep incremental watermarks exact even within one millisecond.
  const nextTimestamp = (): string => {
    lastWrite = Math.max(Date.now(), lastWrite + 1);
    return new Date(lastWrite).toISOString();
  };
  const rows = (objectType: ObjectType) => data.records[objectType];

  return {
    owners: () => data.owners.map((owner) => ({ ...owner })),
    list: (objectType) => rows(objectType).map((record) => ({ ...record })),
    get(objectType, id) {
      const record = rows(objectType).find((candidate) => candidate.id === id);
      return record && { ...record };
    },
    findBy(objectType, property, value) {
      const wanted = normalize(value);
      return rows(objectType)
        .filter((record) => normalize(record[property]) === wanted)
        .map((record) => ({ ...record }));
    },
    create(objectType, fields, options) {
      const now = options?.dryRun ? new Date().toISOString() : nextTimestamp();
      const id = `${OBJECTS[objectType].idPrefix}_${pad(nextNumber(rows(objectType)))}`;
      const record: CrmRecord = { ...emptyRecord(objectType), ...fields, id, createdAt: now, updatedAt: now };
      if (!options?.dryRun) rows(objectType).push(record);
      return { ...record };
    },
    update(objectType, id, changes, options) {
      const record = rows(objectType).find((candidate) => candidate.id === id);
      if (!record) throw new Error(`${OBJECTS[objectType].singular} ${id} does not exist`);
      const updatedAt = options?.dryRun ? (record.updatedAt ?? null) : nextTimestamp();
      const updated = { ...record, ...changes, updatedAt };
      if (!options?.dryRun) Object.assign(record, updated);
      return { ...updated };
    },
    reset() {
      data = generateDataset();
      lastWrite = Math.max(lastWrite, latestUpdate(data));
    },
  };
}

function normalize(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim().toLowerCase();
}

function nextNumber(records: CrmRecord[]): number {
  const numbers = records.map((record) => Number(String(record.id).split("_").pop()));
  return Math.max(0, ...numbers.filter(Number.isFinite)) + 1;
}

function emptyRecord(objectType: ObjectType): CrmRecord {
  const properties = OBJECTS[objectType].properties;
  return Object.fromEntries(properties.map((property) => [property.name, property.default ?? null]));
}

function latestUpdate(data: Dataset): number {
  const times = Object.values(data.records).flat().map((record) => Date.parse(String(record.updatedAt)));
  return Math.max(...times);
}

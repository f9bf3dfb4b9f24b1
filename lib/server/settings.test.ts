import { describe, expect, it } from "vitest";
import { outboundAllowlistOf, readSettings } from "./settings";

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe("OUTBOUND_ALLOWLIST", () => {
  it("is split on commas, blanks dropped", () => {
    expect(readSettings(env({ OUTBOUND_ALLOWLIST: " 127.0.0.1:3036, ,crm.internal,10.0.0.0/8 " })).outboundAllowlist).toEqual(["127.0.0.1:3036", "crm.internal", "10.0.0.0/8"]);
  });

  it("unset: the demo integration's host:port, and nothing when there is no demo", () => {
    expect(outboundAllowlistOf(readSettings(env({})))).toEqual(["127.0.0.1:4010"]);
    expect(outboundAllowlistOf(readSettings(env({ DEMO_INTEGRATION_PORT: "4110" })))).toEqual(["127.0.0.1:4110"]);
    expect(outboundAllowlistOf(readSettings(env({ DEMO_INTEGRATION_URL: "http://[::1]:5000/crm" })))).toEqual(["[::1]:5000"]);
    expect(outboundAllowlistOf(readSettings(env({ DEMO_INTEGRATION_URL: "https://demo.internal" })))).toEqual(["demo.internal:443"]);
    expect(outboundAllowlistOf(readSettings(env({ DEMO_INTEGRATION_URL: "" })))).toEqual([]);
  });

  it("set, even empty, replaces the default", () => {
    expect(outboundAllowlistOf(readSettings(env({ OUTBOUND_ALLOWLIST: "" })))).toEqual([]);
    expect(outboundAllowlistOf(readSettings(env({ OUTBOUND_ALLOWLIST: "127.0.0.1" })))).toEqual(["127.0.0.1"]);
  });
});

describe("worker settings", () => {
  it("WORKER_GRACE_MS: a number of ms, 0 included; anything else leaves the default", () => {
    expect(readSettings(env({ WORKER_GRACE_MS: "2500" })).workerGraceMs).toBe(2500);
    expect(readSettings(env({ WORKER_GRACE_MS: "0" })).workerGraceMs).toBe(0);
    expect(readSettings(env({ WORKER_GRACE_MS: "-1" })).workerGraceMs).toBeUndefined();
    expect(readSettings(env({ WORKER_GRACE_MS: "soon" })).workerGraceMs).toBeUndefined();
    expect(readSettings(env({})).workerGraceMs).toBeUndefined();
  });

  it("RUN_CONCURRENCY: a whole number of at least 1", () => {
    expect(readSettings(env({ RUN_CONCURRENCY: "4" })).runConcurrency).toBe(4);
    expect(readSettings(env({ RUN_CONCURRENCY: "0" })).runConcurrency).toBeUndefined();
  });
});

describe("FILE_UPLOAD_MAX_BYTES", () => {
  it("a whole number of bytes of at least 1; anything else leaves the 200 MB default to the upload", () => {
    expect(readSettings(env({ FILE_UPLOAD_MAX_BYTES: "1048576" })).fileUploadMaxBytes).toBe(1_048_576);
    expect(readSettings(env({ FILE_UPLOAD_MAX_BYTES: "0" })).fileUploadMaxBytes).toBeUndefined();
    expect(readSettings(env({ FILE_UPLOAD_MAX_BYTES: "200MB" })).fileUploadMaxBytes).toBeUndefined();
    expect(readSettings(env({})).fileUploadMaxBytes).toBeUndefined();
  });
});

describe("SEGMENT_CHANGES_RETENTION_DAYS", () => {
  it("days of at least 0 (0 keeps every change); anything else leaves the 90-day default to the sweep", () => {
    expect(readSettings(env({ SEGMENT_CHANGES_RETENTION_DAYS: "30" })).segmentChangesRetentionDays).toBe(30);
    expect(readSettings(env({ SEGMENT_CHANGES_RETENTION_DAYS: "0" })).segmentChangesRetentionDays).toBe(0);
    expect(readSettings(env({ SEGMENT_CHANGES_RETENTION_DAYS: "-1" })).segmentChangesRetentionDays).toBeUndefined();
    expect(readSettings(env({ SEGMENT_CHANGES_RETENTION_DAYS: "a month" })).segmentChangesRetentionDays).toBeUndefined();
    expect(readSettings(env({})).segmentChangesRetentionDays).toBeUndefined();
  });
});

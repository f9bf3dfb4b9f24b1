import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_WORKSPACE_UUID, openDatabase, type Database } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { audited, changed, listAuditLog, named, slugged } from "./audit";
import type { Principal } from "./auth/principal";

// How routes record what they change, on both databases.
const ws = DEFAULT_WORKSPACE_UUID;
const principal: Principal = { kind: "token", token: { uuid: crypto.randomUUID(), name: "ci", prefix: "rly_ci" }, userUuid: crypto.randomUUID(), role: "admin", workspaceUuid: ws };
const ctx = { principal, ip: "203.0.113.7", workspaceUuid: ws };
const leads = { uuid: crypto.randomUUID(), name: "Leads", columns: [{ slug: "email" }] };

let storage: TestStorage;
let db: Database;
beforeEach(async () => {
  storage = await createTestStorage("relay-audit-");
  db = await openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
});
afterEach(async () => {
  await db.close();
  await storage.cleanup();
});

const entries = async () => (await listAuditLog({ db }, ws, { limit: 50 })).entries;

describe("audited", () => {
  it("records the action about what the change answered, once it has, and answers it", async () => {
    expect(await audited({ db }, ctx, "model.created", Promise.resolve(leads), named)).toBe(leads);
    expect(await entries()).toEqual([
      { uuid: expect.any(String), actor: "token ci", action: "model.created", target: leads.uuid, details: { name: "Leads" }, ip: "203.0.113.7", createdAt: expect.any(String) },
    ]);
  });

  it("records nothing when the change fails, and the change's error goes on", async () => {
    const refused = new Error("segmentInUse");
    await expect(audited({ db }, ctx, "segment.removed", Promise.reject(refused), { target: leads.uuid })).rejects.toBe(refused);
    expect(await entries()).toEqual([]);
  });

  it("takes a fixed subject for a change that answers nothing, and names an update's fields, not their values", async () => {
    await audited({ db }, ctx, "model.removed", Promise.resolve(), { target: leads.uuid });
    await audited({ db }, ctx, "model.updated", Promise.resolve(leads), changed({ name: "Leads", extractorConfig: { apiKey: "s3cret" } }));
    await audited({ db }, ctx, "connector.created", Promise.resolve({ slug: "crm" }), slugged({ integrationSlug: "demo_crm" }));
    const logged = await entries();
    const of = (action: string) => logged.find((entry) => entry.action === action);
    expect(of("model.removed")).toMatchObject({ target: leads.uuid, details: null });
    expect(of("model.updated")).toMatchObject({ target: leads.uuid, details: { name: "Leads", fields: ["extractorConfig", "name"] } });
    expect(JSON.stringify(logged)).not.toContain("s3cret");
    expect(of("connector.created")).toMatchObject({ target: "crm", details: { integrationSlug: "demo_crm" } });
  });

  it("still answers the change when the log cannot be written", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    await db.close();
    try {
      expect(await audited({ db }, ctx, "dataset.created", Promise.resolve(leads), named)).toBe(leads);
      expect(error).toHaveBeenCalledWith(expect.stringContaining("could not record dataset.created"));
    } finally {
      error.mockRestore();
      db = await openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
    }
  });
});

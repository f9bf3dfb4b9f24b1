import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID, openDatabase, type Database } from "@/lib/db";
import { consumeOauthState, issueOauthState, OAUTH_STATE_REFUSED_MESSAGE, OAUTH_STATE_TTL_MS, OauthStateRefusedError, type OauthStateBinding } from "./oauth-state";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";

const T0 = new Date("2025-03-01T12:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

const makeBinding = (overrides: Partial<OauthStateBinding> = {}): OauthStateBinding => ({
  workspaceUuid: DEFAULT_WORKSPACE_UUID,
  integrationSlug: "demo_crm",
  redirectUri: "http://127.0.0.1:3000/oauth/callback",
  connectorUuid: null,
  ...overrides,
});

/** The refusal a consume attempt ends in, or "accepted". */
async function attempt(db: Database, state: string, binding: OauthStateBinding, now: Date): Promise<string> {
  try {
    await consumeOauthState(db.oauthStates, state, binding, now);
    return "accepted";
  } catch (error) {
    expect(error).toBeInstanceOf(OauthStateRefusedError);
    const refused = error as OauthStateRefusedError;
    expect(refused.status).toBe(400);
    expect(refused.message).toBe(OAUTH_STATE_REFUSED_MESSAGE);
    // Why stays on the server: nothing but the reason goes into the answer.
    expect(refused.details).toBeUndefined();
    return refused.refusal;
  }
}

describe("OAuth state", () => {
  let dataDir: string;
  let storage: TestStorage;
  let db: Database;

  beforeEach(async () => {
    storage = await createTestStorage("oauth-state-test-");
    dataDir = storage.dataDir;
    db = await openDatabase({ dataDir, databaseUrl: storage.databaseUrl });
  });
  afterEach(async () => {
    await db.close();
    await storage.cleanup();
  });

  it("is random, carries the integration slug, and expires ten minutes after it is issued", async () => {
    const first = await issueOauthState(db.oauthStates, makeBinding(), T0);
    const second = await issueOauthState(db.oauthStates, makeBinding(), T0);
    expect(first.state).toMatch(/^demo_crm\.[A-Za-z0-9_-]{43}$/);
    expect(second.state).not.toBe(first.state);
    expect(first.expiresAt).toBe(at(OAUTH_STATE_TTL_MS).toISOString());
    expect(OAUTH_STATE_TTL_MS).toBe(10 * 60_000);
  });

  it("is accepted once, then refused as used", async () => {
    const { state } = await issueOauthState(db.oauthStates, makeBinding(), T0);
    expect(await attempt(db, state, makeBinding(), at(1_000))).toBe("accepted");
    expect(await attempt(db, state, makeBinding(), at(2_000))).toBe("used");
  });

  it("is refused once the clock passes its expiry, and accepted just before", async () => {
    const early = await issueOauthState(db.oauthStates, makeBinding(), T0);
    const late = await issueOauthState(db.oauthStates, makeBinding(), T0);
    expect(await attempt(db, early.state, makeBinding(), at(OAUTH_STATE_TTL_MS - 1))).toBe("accepted");
    expect(await attempt(db, late.state, makeBinding(), at(OAUTH_STATE_TTL_MS))).toBe("expired");
  });

  it("is refused when it was never issued, or only looks like one", async () => {
    await issueOauthState(db.oauthStates, makeBinding(), T0);
    expect(await attempt(db, "demo_crm.forged", makeBinding(), T0)).toBe("unknown");
  });

  it.each([
    ["integration slug", { integrationSlug: "other_crm" }],
    ["redirect URI", { redirectUri: "https://evil.example/oauth/callback" }],
    ["connector", { connectorUuid: "00000000-0000-4000-8000-00000000c001" }],
  ])("is refused for another %s, and stays usable for its own", async (_, mismatch) => {
    const { state } = await issueOauthState(db.oauthStates, makeBinding(), T0);
    expect(await attempt(db, state, makeBinding(mismatch), at(1_000))).toBe("mismatch");
    expect(await attempt(db, state, makeBinding(), at(2_000))).toBe("accepted");
  });

  it("is not found from another workspace", async () => {
    const other = "00000000-0000-4000-8000-0000000000d4";
    await db.workspaces.create(other, "Other");
    const { state } = await issueOauthState(db.oauthStates, makeBinding(), T0);
    expect(await attempt(db, state, makeBinding({ workspaceUuid: other }), at(1_000))).toBe("unknown");
  });

  it("keeps only a hash of the state, and sweeps expired states when issuing", async () => {
    const { state } = await issueOauthState(db.oauthStates, makeBinding(), T0);
    const rows = await db.client.all<{ state_hash: string }>("SELECT state_hash FROM oauth_states");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.state_hash).not.toContain(state.split(".")[1]);
    await issueOauthState(db.oauthStates, makeBinding(), at(OAUTH_STATE_TTL_MS + 1));
    expect(await db.client.all("SELECT state_hash FROM oauth_states")).toHaveLength(1);
    expect(await attempt(db, state, makeBinding(), at(OAUTH_STATE_TTL_MS + 2))).toBe("unknown");
  });
});

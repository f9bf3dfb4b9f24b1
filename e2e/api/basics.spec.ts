import { ApiErrorResponseBody, HealthResponseBody } from "@/lib/contract";
import { expect, test } from "../fixtures";

test.describe("API basics", () => {
  test("health reports the database and its migrations", async ({ request }) => {
    const response = await request.get("/api/v1/health");
    expect(response.status()).toBe(200);
    const health = HealthResponseBody.parse(await response.json());
    expect(health.status).toBe("ok");
    expect(health.database).toMatchObject({ dialect: process.env.E2E_DATABASE_URL ? "postgres" : "sqlite", ok: true });
    expect(health.database.migrations).toBeGreaterThan(0);
  });

  test("an unknown API route answers a JSON 404 with errorMessage", async ({ request }) => {
    const response = await request.post("/api/v1/nothing/here", { data: {} });
    expect(response.status()).toBe(404);
    const body = ApiErrorResponseBody.parse(await response.json());
    expect(body.errorMessage).toContain("/api/v1/nothing/here");
  });
});

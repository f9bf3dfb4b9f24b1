import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { E2E_APP_PORT } from "../ports";

export const APP = `http://127.0.0.1:${E2E_APP_PORT}`;

/** A request context with no session: what a stranger on the network has. */
export function anonymous(extraHTTPHeaders?: Record<string, string>): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: APP, storageState: { cookies: [], origins: [] }, extraHTTPHeaders });
}

/** An API token of the signed-in user's workspace (or another of theirs), made through the API. */
export async function createToken(owner: APIRequestContext, name: string, workspaceUuid?: string): Promise<{ uuid: string; token: string }> {
  const response = await owner.post("/api/v1/apiTokens", { data: { name, ...(workspaceUuid && { workspaceUuid }) } });
  expect(response.status(), await response.text()).toBe(200);
  const body = await response.json();
  return { uuid: body.apiToken.uuid, token: body.token };
}

/** A new member (role `member` unless told), joined through an invitation link; returns their signed-in context. */
export async function joinAs(owner: APIRequestContext, email: string, role: "member" | "admin" = "member"): Promise<APIRequestContext> {
  const invite = await owner.post("/api/v1/workspace/invitations", { data: { role } });
  expect(invite.status(), await invite.text()).toBe(200);
  const code = new URL((await invite.json()).url).searchParams.get("code")!;
  const context = await anonymous();
  const accept = await context.post("/api/v1/invitations/accept", { data: { code, account: { email, password: "a long enough secret", name: email.split("@")[0] } } });
  expect(accept.status(), await accept.text()).toBe(201);
  return context;
}

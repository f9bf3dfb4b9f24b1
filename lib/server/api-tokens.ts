import type { ApiTokenListResponseBody, ApiTokenSummary, CreateApiTokenResponseBody } from "@/lib/contract";
import type { ApiToken } from "@/lib/db";
import { audit } from "./audit";
import { isAdmin } from "./auth/principal";
import { API_TOKEN_PREFIX, hashSecret, newSecret } from "./auth/secrets";
import type { Deps } from "./deps-types";
import { AppError } from "./errors";
import type { RequestContext } from "./request-context";

const summary = ({ uuid, name, prefix, createdAt, lastUsedAt, revokedAt }: ApiToken): ApiTokenSummary => ({ uuid, name, prefix, createdAt, lastUsedAt, revokedAt });

export async function listApiTokens(deps: Pick<Deps, "db">, workspaceUuid: string): Promise<ApiTokenListResponseBody> {
  return { apiTokens: (await deps.db.apiTokens.list(workspaceUuid)).map(summary) };
}

/**
 * A new token for a workspace the caller administers (the current one by default). The token is
 * in the answer once; only its SHA-256 and its first characters are kept.
 */
export async function createApiToken(deps: Pick<Deps, "db">, ctx: RequestContext, body: { name: string; workspaceUuid?: string }): Promise<CreateApiTokenResponseBody> {
  const principal = ctx.principal!;
  // A leaked token must not be able to mint more: revoking it has to end the leak.
  if (principal.kind !== "user") throw new AppError("forbidden:token", "An API token cannot create tokens; sign in to create one", { reason: "roleForbidden" });
  const userUuid = principal.user.uuid;
  const workspaceUuid = body.workspaceUuid ?? ctx.workspaceUuid;
  const role = workspaceUuid === ctx.workspaceUuid ? principal.role : await deps.db.memberships.role(workspaceUuid, userUuid);
  if (!role) throw new AppError("not_found:workspace", "No such workspace");
  if (!isAdmin(role)) throw new AppError("forbidden:role", "Only the workspace's admins and owners may create API tokens", { reason: "roleForbidden" });
  const token = newSecret(API_TOKEN_PREFIX);
  const apiToken = await deps.db.apiTokens.create(
    { uuid: crypto.randomUUID(), workspaceUuid, userUuid, name: body.name, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) },
    hashSecret(token),
  );
  await audit(deps, { ...ctx, workspaceUuid }, "apiToken.created", body.name, { prefix: apiToken.prefix });
  return { apiToken: summary(apiToken), token };
}

export async function revokeApiToken(deps: Pick<Deps, "db">, ctx: RequestContext, uuid: string): Promise<{ apiToken: ApiTokenSummary }> {
  const revoked = await deps.db.apiTokens.revoke(ctx.workspaceUuid, uuid);
  if (!revoked) throw new AppError("not_found:apiToken", "No such API token (or it is already revoked)");
  await audit(deps, ctx, "apiToken.revoked", revoked.name, { prefix: revoked.prefix });
  return { apiToken: summary(revoked) };
}

import { ListUsersResponseBody } from "@/lib/contract";
import { listUsersRequest } from "../../layouts";
import { finding } from "../codes";
import { contractFindings } from "../contract-findings";
import { probeCall, type ProbeContext } from "./probe-context";

/**
 * `POST /listUsers` (optional): a bare array of users with unique ids. A manifest with a `users`
 * form promises it, so its absence is then reported.
 */
export async function probeListUsers(ctx: ProbeContext, declaresUsers: boolean): Promise<void> {
  const call = await probeCall(ctx, listUsersRequest(ctx.connector), { capability: "listUsers", call: "answer", optional: true });
  if (!call.ok) {
    if (call.notImplemented && declaresUsers) {
      ctx.findings.push(finding("users.list-missing", "users", "The manifest has a `users` form, but POST /listUsers is not implemented, so operators cannot map users.", "Implement POST /listUsers (a bare array of {id, email, …}), or remove `users`.", "POST /listUsers"));
    }
    return;
  }
  const parsed = contractFindings(ListUsersResponseBody, call.value, { code: "answer.invalid", pathOf: call.path, subject: "The listUsers answer", endpoint: call.endpoint });
  ctx.findings.push(...parsed.findings);
  const seen = new Set<string>();
  for (const [index, user] of (parsed.data ?? []).entries()) {
    if (seen.has(user.id)) {
      ctx.findings.push(finding("users.duplicate-ids", call.path([index, "id"]), `Two users have the id "${user.id}"; a mapping to one of them is ambiguous.`, "Give every user its own id.", call.endpoint));
      return;
    }
    seen.add(user.id);
  }
}

import { AuthenticateResponseBody } from "@/lib/contract";
import { authenticateRequest } from "../../layouts";
import { finding } from "../codes";
import { contractFindings } from "../contract-findings";
import { probeCall, type ProbeContext } from "./probe-context";

/**
 * `POST /authenticate` with the config: the first probe, since every later one needs accepted
 * credentials. False stops the probes: with refused credentials each would fail the same way.
 */
export async function probeAuthenticate(ctx: ProbeContext): Promise<boolean> {
  const call = await probeCall(ctx, authenticateRequest(ctx.connector), { capability: "authenticate", call: "answer" });
  if (!call.ok) return false;
  const parsed = contractFindings(AuthenticateResponseBody, call.value, { code: "answer.invalid", pathOf: call.path, subject: "The authenticate answer", endpoint: call.endpoint });
  ctx.findings.push(...parsed.findings);
  if (!parsed.data) return false;
  if (parsed.data.outcome === "error") {
    const said = parsed.data.errorMessage ? `: "${parsed.data.errorMessage}"` : "";
    ctx.findings.push(
      finding("authenticate.refused", call.path(["outcome"]), `The server refused the connector config${said}; nothing else was probed.`, "Check the config you gave (it is the one an operator would save); if it is right, fix the server's credential check.", call.endpoint),
    );
    return false;
  }
  return true;
}

import type { Run } from "@/lib/contract";
import { formFieldsSchema } from "@/lib/workflow/form-fields-schema";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";
import { createRun } from "../runs";
import { validateAgainstSchema } from "../validate-config";
import { getTool } from "./tools";

type RunToolDeps = Pick<Deps, "db" | "integrations" | "runs">;

/**
 * Runs the tool's deployed release, never the draft, with `data` as the run's data once it
 * answers the release's form (400 naming each field that does not). 409 `noDeployedRelease`
 * while the workflow was never deployed. The form page and the webhook both come here.
 */
export async function runTool(deps: RunToolDeps, workspaceUuid: string, uuid: string, data: Record<string, unknown>, { wait = false } = {}): Promise<Run> {
  const tool = await getTool(deps, workspaceUuid, uuid);
  if (!tool.deployedRelease) {
    throw new AppError("conflict:tool", "This tool's workflow has not been deployed yet: deploy it from the editor first", { reason: "noDeployedRelease" });
  }
  // The same schema the tool page renders its form from, so both accept the same answers.
  validateAgainstSchema("data", formFieldsSchema(tool.formFields), data);
  return createRun(deps, workspaceUuid, { releaseUuid: tool.deployedRelease.uuid, data }, { wait });
}

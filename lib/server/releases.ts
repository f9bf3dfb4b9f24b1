import type { DeployDraftRequestBody, FormField, RedeployReleaseRequestBody, Release, ReleaseListQuery, WorkflowNode } from "@/lib/contract";
import { DeployDraftRequestBody as DeployDraftSchema } from "@/lib/contract";
import type { Deps } from "./deps-types";
import { AppError } from "./errors";
import { assertRunnable } from "./runs";

type ReleaseDeps = Pick<Deps, "db" | "integrations" | "runs">;

/**
 * The version after the highest of `versions`: its last number plus one; 1.0.0 for the first.
 * @example nextVersion(["1.0.0", "1.0.9", "1.0.10"]) // "1.0.11"
 */
export function nextVersion(versions: readonly string[]): string {
  const parsed = versions.map((version) => version.split(".").map(Number)).filter((parts) => parts.length === 3 && parts.every(Number.isInteger));
  if (parsed.length === 0) return "1.0.0";
  const [major, minor, patch] = parsed.reduce((max, parts) => (compare(parts, max) > 0 ? parts : max));
  return `${major}.${minor}.${patch! + 1}`;
}

const compare = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

/**
 * Validates the draft (or the graph given) as a run would (422 with the problems) and stores it as
 * a new release, the workflow's deployed one from now on. The draft itself is left as it is.
 */
export async function deployDraft(deps: ReleaseDeps, workspaceUuid: string, userUuid: string | null, input: DeployDraftRequestBody): Promise<Release> {
  const body = DeployDraftSchema.parse(input);
  const workflow = await deps.db.workflows.get(workspaceUuid, body.workflowUuid);
  if (!workflow) throw new AppError("not_found:workflow", `No workflow with uuid ${body.workflowUuid}`, { reason: "workflowNotFound" });
  const nodes = body.nodes ?? workflow.nodes;
  await assertRunnable(deps, workspaceUuid, nodes);
  return deploy(deps, workspaceUuid, {
    workflowUuid: workflow.uuid,
    parentUuid: null,
    userUuid,
    version: body.version,
    description: body.description,
    templateSlug: null,
    nodes,
    formFields: body.formFields ?? workflow.formFields,
  });
}

/** A rollback: a new release, the workflow's deployed one, with the graph and form of `uuid`. */
export async function redeployRelease(deps: ReleaseDeps, workspaceUuid: string, userUuid: string | null, uuid: string, body: RedeployReleaseRequestBody): Promise<Release> {
  const release = await getRelease(deps, workspaceUuid, uuid);
  // The catalog may have moved on since (a connector removed): the old graph must still run.
  await assertRunnable(deps, workspaceUuid, release.nodes);
  return deploy(deps, workspaceUuid, {
    workflowUuid: release.workflowUuid,
    parentUuid: release.uuid,
    userUuid,
    version: body.version,
    description: body.description ?? `Rollback to ${release.version}`,
    templateSlug: release.templateSlug,
    nodes: release.nodes,
    formFields: release.formFields,
  });
}

export async function getRelease(deps: Pick<Deps, "db">, workspaceUuid: string, uuid: string): Promise<Release> {
  const release = await deps.db.releases.get(workspaceUuid, uuid);
  if (!release) throw new AppError("not_found:release", `No release with uuid ${uuid}`, { reason: "releaseNotFound" });
  return release;
}

export async function listReleases(deps: Pick<Deps, "db">, workspaceUuid: string, query: ReleaseListQuery): Promise<Release[]> {
  return deps.db.releases.list(workspaceUuid, query.workflowUuid, query.limit);
}

/** The workflow's deployed release; 404 `noDeployedRelease` when it was never deployed. */
export async function getDeployedRelease(deps: Pick<Deps, "db">, workspaceUuid: string, workflowUuid: string): Promise<Release> {
  const release = await deps.db.releases.deployed(workspaceUuid, workflowUuid);
  if (!release) {
    if (!(await deps.db.workflows.get(workspaceUuid, workflowUuid))) throw new AppError("not_found:workflow", `No workflow with uuid ${workflowUuid}`, { reason: "workflowNotFound" });
    throw new AppError("not_found:release", "This workflow has not been deployed yet: deploy it from the editor first", { reason: "noDeployedRelease" });
  }
  return release;
}

interface Deployment {
  workflowUuid: string;
  parentUuid: string | null;
  userUuid: string | null;
  version: string | undefined;
  description: string;
  templateSlug: string | null;
  nodes: WorkflowNode[];
  formFields: FormField[];
}

async function deploy(deps: Pick<Deps, "db">, workspaceUuid: string, deployment: Deployment): Promise<Release> {
  // Two deploys at once may pick the same next version: the unique index refuses the second,
  // which then picks again. A version the caller chose is a 409 when taken.
  for (let attempt = 0; ; attempt++) {
    try {
      const uuid = await deps.db.transaction(async (tx) => {
        const taken = await tx.releases.versions(deployment.workflowUuid);
        const version = deployment.version ?? nextVersion(taken);
        if (taken.includes(version)) {
          throw new AppError("conflict:release", `Version ${version} of this workflow exists already; give another or leave it out`, { reason: "releaseVersionTaken" });
        }
        return tx.releases.deploy(workspaceUuid, { ...deployment, version });
      });
      return getRelease(deps, workspaceUuid, uuid);
    } catch (error) {
      if (!/unique/i.test((error as Error).message)) throw error;
      // Another deploy took the version between our check and our insert.
      if (deployment.version === undefined && attempt < 3) continue;
      throw new AppError("conflict:release", "Another deploy of this workflow took that version at the same moment; deploy again", { reason: "releaseVersionTaken" });
    }
  }
}

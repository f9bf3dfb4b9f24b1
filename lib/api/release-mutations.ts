import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { ReleaseResponseBody, type DeployDraftRequestBody, type RedeployReleaseRequestBody, type Release, type WorkflowResponseBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { releaseQueries } from "./release-queries";
import { workflowKeys, workflowQueries } from "./workflow-queries";

const BASE = "/api/v1/orchestration/releases";
const post = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

/**
 * Deploys the workflow's saved draft. A draft with problems answers 422 `nodesNotValid` (the
 * findings in the error body's `invalidNodes`); a version already used answers 409 `releaseVersionTaken`.
 */
export function useDeployDraftMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeployDraftRequestBody) => apiFetch(ReleaseResponseBody, `${BASE}/deployDraft`, post(body)),
    onSuccess: ({ release }) => deployed(queryClient, release),
  });
}

/** Rolls back: deploys an earlier release's graph and form again, as a new release. */
export function useRedeployReleaseMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uuid, ...body }: RedeployReleaseRequestBody & { uuid: string }) => apiFetch(ReleaseResponseBody, `${BASE}/${encodeURIComponent(uuid)}/redeploy`, post(body)),
    onSuccess: ({ release }) => deployed(queryClient, release),
  });
}

/** A new release is the workflow's deployed one: its summary in the cached workflow, and its list refetched. */
function deployed(queryClient: QueryClient, release: Release) {
  const { uuid, version, description, deployedAt } = release;
  queryClient.setQueryData(workflowQueries.detail(release.workflowUuid).queryKey, (current: WorkflowResponseBody | undefined) =>
    current && { workflow: { ...current.workflow, deployedRelease: { uuid, version, description, deployedAt } } },
  );
  void queryClient.invalidateQueries({ queryKey: workflowKeys.lists() });
  return queryClient.invalidateQueries({ queryKey: releaseQueries.list(release.workflowUuid).queryKey });
}

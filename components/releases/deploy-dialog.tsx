"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { TextInput } from "@/components/ui/text-input";
import { ReleaseVersion, type InvalidNode, type Release } from "@/lib/contract";
import { ApiError } from "@/lib/api/api-fetch";
import { useDeployDraftMutation } from "@/lib/api/release-mutations";
import { cn } from "@/lib/utils";

/**
 * Deploys the draft as a new release: an optional version (the next one by default) and a
 * description. `prepare` runs first (the editor saves pending edits, since a deploy takes the saved
 * draft) and answers why it cannot go on, if it cannot. A draft with problems is refused with them listed.
 */
export function DeployDialog({
  open,
  onClose,
  workflowUuid,
  nextVersion,
  prepare,
  onDeployed,
  onShowProblems,
}: {
  open: boolean;
  onClose: () => void;
  workflowUuid: string;
  nextVersion: string;
  prepare: () => Promise<string | null>;
  onDeployed: (release: Release) => void;
  onShowProblems: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Deploy this workflow" description="Tools and plays run the deployed release; the draft you edit changes nothing they run until you deploy it.">
      <DeployForm workflowUuid={workflowUuid} nextVersion={nextVersion} prepare={prepare} onCancel={onClose} onDeployed={onDeployed} onShowProblems={onShowProblems} />
    </Dialog>
  );
}

function DeployForm({
  workflowUuid,
  nextVersion,
  prepare,
  onCancel,
  onDeployed,
  onShowProblems,
}: {
  workflowUuid: string;
  nextVersion: string;
  prepare: () => Promise<string | null>;
  onCancel: () => void;
  onDeployed: (release: Release) => void;
  onShowProblems: () => void;
}) {
  const id = useId();
  const deploy = useDeployDraftMutation();
  const [version, setVersion] = useState("");
  const [description, setDescription] = useState("");
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);

  const versionProblem = version.trim() !== "" && !ReleaseVersion.safeParse(version.trim()).success ? "A version is three numbers, such as 1.0.2" : undefined;
  const error = deploy.error instanceof ApiError ? deploy.error : deploy.error ? new ApiError(0, deploy.error.message) : null;
  const versionTaken = error?.reason === "releaseVersionTaken" ? `Version ${version.trim() || nextVersion} is taken; choose another.` : undefined;
  const problems = error?.reason === "nodesNotValid" ? invalidNodesOf(error.body) : null;
  const busy = saving || deploy.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (versionProblem || busy) return;
    deploy.reset();
    setSaveError(null);
    setSaving(true);
    const problem = await prepare();
    setSaving(false);
    if (problem) return setSaveError(problem);
    deploy.mutate(
      { workflowUuid, ...(version.trim() && { version: version.trim() }), description: description.trim() },
      { onSuccess: ({ release }) => onDeployed(release) },
    );
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      <Field id={`${id}-version`} label="Version" hint={`Leave empty for ${nextVersion}.`} error={(touched ? versionProblem : undefined) ?? versionTaken}>
        {(props) => (
          <TextInput
            {...props}
            data-autofocus
            value={version}
            onChange={(event) => setVersion(event.target.value)}
            onBlur={() => setTouched(true)}
            placeholder={nextVersion}
            autoComplete="off"
            className={cn("font-mono", props["aria-invalid"] && "border-danger")}
          />
        )}
      </Field>
      <Field id={`${id}-description`} label="Description" hint="Optional: what changed, for the release history.">
        {(props) => (
          <textarea
            {...props}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            maxLength={2000}
            rows={3}
            className="w-full resize-y rounded-md border border-border bg-surface px-3 py-2 text-sm text-fg placeholder:text-fg-muted/70"
          />
        )}
      </Field>
      {saveError && <Alert title="Not deployed">{saveError}</Alert>}
      {problems && (
        <Alert
          title="Fix the problems first"
          action={
            <Button variant="secondary" size="sm" onClick={onShowProblems} className="shrink-0 whitespace-nowrap">
              Show problems
            </Button>
          }
        >
          <ProblemList problems={problems} />
        </Alert>
      )}
      {error && !problems && !versionTaken && <Alert title="Not deployed">{error.message}</Alert>}
      <DialogActions>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy}>
          {saving ? "Saving…" : deploy.isPending ? "Deploying…" : "Deploy"}
        </Button>
      </DialogActions>
    </form>
  );
}

const SHOWN_PROBLEMS = 5;

function ProblemList({ problems }: { problems: InvalidNode[] }) {
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  return (
    <>
      <p>A deploy is checked as a run is, and this draft has {problems.length === 1 ? "a problem" : `${problems.length} problems`}:</p>
      <ul className="mt-1.5 list-disc space-y-0.5 pl-5">
        {shown.map((problem, index) => (
          <li key={index}>
            <span className="font-mono text-xs text-fg">{problem.node.slug || "graph"}</span>
            {problem.path && <span className="font-mono text-xs"> ({problem.path})</span>}: {problem.message}
          </li>
        ))}
      </ul>
      {problems.length > shown.length && <p className="mt-1">…and {problems.length - shown.length} more.</p>}
    </>
  );
}

/** The findings a 422 `nodesNotValid` carries (`invalidNodes` beside the message). */
function invalidNodesOf(body: unknown): InvalidNode[] {
  const found = (body as { invalidNodes?: unknown } | undefined)?.invalidNodes;
  return Array.isArray(found) ? (found as InvalidNode[]) : [];
}

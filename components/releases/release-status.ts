import { stableStringify, type FormField, type Release, type WorkflowNode } from "@/lib/contract";
import { diffGraphs, graphDiffers, type GraphDiff } from "@/lib/workflow/release-diff";

/** What the editor says about deploying: nothing yet, or the deployed version and whether the draft differs from it. */
export type DeployStatus = { kind: "notDeployed" } | { kind: "deployed"; release: Release; differs: boolean };

/** The release tools and plays run: the one `deployed` (a list is newest first). */
export function deployedRelease(releases: readonly Release[]): Release | null {
  return releases.find((release) => release.status === "deployed") ?? null;
}

/** The deploy status of a draft against a workflow's releases; moving nodes around does not make it differ. */
export function deployStatus(releases: readonly Release[], nodes: readonly WorkflowNode[], formFields: readonly FormField[]): DeployStatus {
  const release = deployedRelease(releases);
  if (!release) return { kind: "notDeployed" };
  return { kind: "deployed", release, differs: graphDiffers(diffGraphs(release.nodes, release.formFields, nodes, formFields)) };
}

/** "Not deployed", "Deployed 1.0.2" or "Deployed 1.0.2 · draft differs". */
export function deployStatusText(status: DeployStatus): string {
  if (status.kind === "notDeployed") return "Not deployed";
  return `Deployed ${status.release.version}${status.differs ? " · draft differs" : ""}`;
}

/** The version the server gives a deploy without one: the highest version's last number plus one, 1.0.0 first. */
export function nextVersion(releases: readonly Pick<Release, "version">[]): string {
  const versions = releases.map((release) => release.version.split(".").map(Number) as [number, number, number]);
  const highest = versions.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2])[0];
  return highest ? `${highest[0]}.${highest[1]}.${highest[2] + 1}` : "1.0.0";
}

/** A node's changed fields as an operator names them: config keys one by one, the rest in words. */
export function changedFieldLabels(change: GraphDiff["changed"][number]): string[] {
  return change.fields.flatMap((field) => {
    if (field !== "config") return [FIELD_LABELS[field] ?? field];
    const keys = changedKeys(change.before.config, change.after.config);
    return keys.length > 0 ? keys.map((key) => `config.${key}`) : ["config"];
  });
}

const FIELD_LABELS: Record<string, string> = {
  childrenUuids: "next steps",
  fallbackChildUuid: "on-failure step",
  fallbackOnFailure: "continue on failure",
  connectorUuid: "connector",
  actionSlug: "action",
  integrationSlug: "integration",
};

function changedKeys(before: Record<string, unknown> = {}, after: Record<string, unknown> = {}): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((key) => stableStringify(before[key]) !== stableStringify(after[key])).sort();
}

/** How one form differs from another, field by field (by slug); `reordered` when only the order changed. */
export function formChanges(before: readonly FormField[], after: readonly FormField[]) {
  const old = new Map(before.map((field) => [field.slug, field]));
  const now = new Map(after.map((field) => [field.slug, field]));
  const added = after.filter((field) => !old.has(field.slug)).map((field) => field.slug);
  const removed = before.filter((field) => !now.has(field.slug)).map((field) => field.slug);
  const changed = after.filter((field) => old.has(field.slug) && stableStringify(comparable(old.get(field.slug)!)) !== stableStringify(comparable(field))).map((field) => field.slug);
  const kept = (fields: readonly FormField[], other: Map<string, FormField>) => fields.filter((field) => other.has(field.slug)).map((field) => field.slug).join();
  const reordered = kept(before, now) !== kept(after, old);
  return { added, removed, changed, reordered };
}

const comparable = (field: FormField) => ({ name: field.name, kind: field.kind, description: field.description ?? "", isRequired: field.isRequired });

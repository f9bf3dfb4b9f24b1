import { describe, expect, it } from "vitest";
import type { FormField, Release, WorkflowNode } from "@/lib/contract";
import { diffGraphs } from "@/lib/workflow/release-diff";
import { chain, makeNative } from "@/lib/workflow/testing/factories";
import { changedFieldLabels, deployStatus, deployStatusText, formChanges, nextVersion } from "./release-status";

const nodes: WorkflowNode[] = chain(makeNative("start", "start"), makeNative("wait", "delay", { config: { minutes: 5, note: "x" } }), makeNative("end", "end"));
const form: FormField[] = [{ slug: "email", name: "Email", kind: "string", isRequired: true }];

function makeRelease(version: string, overrides: Partial<Release> = {}): Release {
  const at = "2025-01-01T00:00:00.000Z";
  return {
    uuid: `00000000-0000-4000-8000-${version.replaceAll(".", "").padStart(12, "0")}`,
    parentUuid: null,
    workspaceUuid: "00000000-0000-4000-8000-00000000000a",
    userUuid: null,
    workflowUuid: "00000000-0000-4000-8000-00000000000b",
    description: "",
    version,
    status: "superseded",
    templateSlug: null,
    nodes,
    formFields: form,
    testRecords: [],
    deployedAt: at,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    ...overrides,
  };
}

describe("deployStatus", () => {
  const releases = [makeRelease("1.0.1", { status: "deployed" }), makeRelease("1.0.0")];

  it("is not deployed without releases", () => {
    expect(deployStatusText(deployStatus([], nodes, form))).toBe("Not deployed");
  });

  it("names the deployed version, and says when the draft differs from it", () => {
    expect(deployStatusText(deployStatus(releases, nodes, form))).toBe("Deployed 1.0.1");
    const moved = nodes.map((node) => ({ ...node, position: { x: 500, y: 500 } }));
    expect(deployStatusText(deployStatus(releases, moved, form))).toBe("Deployed 1.0.1");
    const edited = nodes.map((node) => (node.slug === "wait" ? { ...node, config: { minutes: 6, note: "x" } } : node));
    expect(deployStatusText(deployStatus(releases, edited, form))).toBe("Deployed 1.0.1 · draft differs");
    expect(deployStatusText(deployStatus(releases, nodes, []))).toBe("Deployed 1.0.1 · draft differs");
  });
});

describe("nextVersion", () => {
  it("starts at 1.0.0 and bumps the highest version's last number, compared as numbers", () => {
    expect(nextVersion([])).toBe("1.0.0");
    expect(nextVersion([{ version: "1.0.9" }, { version: "1.0.10" }, { version: "0.9.99" }])).toBe("1.0.11");
    expect(nextVersion([{ version: "1.0.3" }, { version: "2.0.0" }])).toBe("2.0.1");
  });
});

describe("changedFieldLabels", () => {
  it("names config keys one by one and the other fields in words", () => {
    const draft = nodes.map((node) => (node.slug === "wait" ? { ...node, config: { minutes: 6, note: "x" }, fallbackOnFailure: true } : node));
    const [change] = diffGraphs(nodes, form, draft, form).changed;
    expect(changedFieldLabels(change!)).toEqual(["config.minutes", "continue on failure"]);
  });
});

describe("formChanges", () => {
  it("lists fields added, removed and changed by slug, and a reordering", () => {
    const name: FormField = { slug: "name", name: "Name", kind: "text", isRequired: false };
    expect(formChanges(form, [{ ...form[0]!, name: "E-mail" }, name])).toEqual({ added: ["name"], removed: [], changed: ["email"], reordered: false });
    expect(formChanges([...form, name], [name, ...form])).toEqual({ added: [], removed: [], changed: [], reordered: true });
    expect(formChanges(form, [])).toEqual({ added: [], removed: ["email"], changed: [], reordered: false });
  });
});

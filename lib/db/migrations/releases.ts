import type { Migration } from "./migration";

/**
 * Releases: immutable snapshots of a workflow's graph and form, deployed. The workflow row keeps
 * the draft (its graph, and now its form fields) and points at the deployed release; runs and
 * batches record the release they ran, null for a draft or ad-hoc graph.
 */
export function releasesMigration(version: number): Migration {
  return {
    version,
    name: "releases",
    statements: [
      `CREATE TABLE releases (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        workflow_uuid TEXT NOT NULL REFERENCES workflows(uuid) ON DELETE CASCADE,
        parent_uuid TEXT,
        user_uuid TEXT,
        version TEXT NOT NULL,
        description TEXT NOT NULL,
        template_slug TEXT,
        nodes_json TEXT NOT NULL,
        form_fields_json TEXT NOT NULL,
        deployed_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (workflow_uuid, version)
      )`,
      `CREATE INDEX releases_workflow_created ON releases (workflow_uuid, created_at)`,
      `ALTER TABLE workflows ADD COLUMN form_fields_json TEXT NOT NULL DEFAULT '[]'`,
      `ALTER TABLE workflows ADD COLUMN deployed_release_uuid TEXT`,
      `ALTER TABLE runs ADD COLUMN release_uuid TEXT`,
      `ALTER TABLE batches ADD COLUMN release_uuid TEXT`,
    ],
  };
}

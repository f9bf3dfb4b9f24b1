import type { ModelColumn } from "@/lib/contract";
import type { Database } from "../open-database";
import type { StoredModel } from "../repositories/models";

/** What a test says about its model: a name, columns by slug with their type, the id and title columns. */
export interface TestModel {
  name: string;
  columns: Record<string, ModelColumn["type"]>;
  idColumnSlug: string;
  titleColumnSlug: string;
}

/**
 * A model made straight through the repository, with nothing to sync it from (no extractor, no
 * file): the test puts its records in itself. Each column's label is its slug, capitalised.
 * @example const model = await createTestModel(db, ws, { name: "Leads", columns: { key: "string", score: "number" }, idColumnSlug: "key", titleColumnSlug: "key" });
 */
export function createTestModel(db: Pick<Database, "models">, workspaceUuid: string, model: TestModel): Promise<StoredModel> {
  return db.models.create(workspaceUuid, {
    name: model.name,
    datasetUuid: null,
    extractor: null,
    fileUuid: null,
    columns: Object.entries(model.columns).map(([slug, type]) => ({ slug, type, label: `${slug[0]!.toUpperCase()}${slug.slice(1)}` })),
    idColumnSlug: model.idColumnSlug,
    titleColumnSlug: model.titleColumnSlug,
    timeColumnSlug: null,
    isSyncScheduled: false,
  });
}

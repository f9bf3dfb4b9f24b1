import path from "node:path";
import type { WorkspaceFile } from "@/lib/contract";
import type { StoredWorkspaceFile } from "@/lib/db/repositories/workspace-files";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";
import type { Settings } from "../settings";

/** Where uploaded files are kept: `<DATA_DIR>/files/<storedName>`. */
export function storedFilePath(settings: Pick<Settings, "dataDir">, storedName: string): string {
  return path.join(settings.dataDir, "files", storedName);
}

/** One uploaded file of the workspace (its columns, counts and first bad rows); 404 when it has none by that uuid. */
export async function getWorkspaceFile(deps: Pick<Deps, "db">, workspaceUuid: string, fileUuid: string): Promise<WorkspaceFile> {
  const { storedName: _storedName, ...file } = await getStoredFile(deps, workspaceUuid, fileUuid);
  return file;
}

export async function getStoredFile(deps: Pick<Deps, "db">, workspaceUuid: string, fileUuid: string): Promise<StoredWorkspaceFile> {
  const file = await deps.db.files.get(workspaceUuid, fileUuid);
  if (!file) throw new AppError("not_found:file", `No uploaded file ${fileUuid} in this workspace`);
  return file;
}

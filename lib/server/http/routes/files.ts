import { WorkspaceFileResponseBody } from "@/lib/contract";
import { audited, named } from "../../audit";
import { defineRoute } from "../../define-route";
import { uploadBodyMaxBytes, uploadFile } from "../../files";
import { route } from "../api-route";

/** Files uploaded to the workspace: CSVs that models import. */
export const fileRoutes = [
  /**
   * POST /api/v1/workspace/files: multipart/form-data with the CSV in `file` (up to
   * FILE_UPLOAD_MAX_BYTES, streamed) → `{file}`: its columns, good rows' count, bad rows by line.
   */
  route(
    "POST",
    "/workspace/files",
    defineRoute(
      {
        summary: "Upload a CSV: its columns, good rows' count and bad rows by line",
        description: "`multipart/form-data` with the CSV in the field `file`, up to FILE_UPLOAD_MAX_BYTES (streamed).",
        upload: { maxBytes: uploadBodyMaxBytes },
        response: WorkspaceFileResponseBody,
      },
      async ({ deps, ctx, request }) => ({
        file: await audited(deps, ctx, "file.uploaded", uploadFile(deps, ctx.workspaceUuid, request), named),
      }),
    ),
  ),
];

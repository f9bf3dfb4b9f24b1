import { useMutation } from "@tanstack/react-query";
import { WorkspaceFileResponseBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

/** Uploads a CSV (multipart field `file`); the answer counts its rows and lists the rows that did not parse. */
export function useUploadFileMutation() {
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append("file", file);
      return apiFetch(WorkspaceFileResponseBody, "/api/v1/workspace/files", { method: "POST", body });
    },
  });
}

"use client";

import { FileSpreadsheet } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { useUploadFileMutation } from "@/lib/api/file-mutations";
import type { WorkspaceFile } from "@/lib/contract";
import { ApiErrorAlert } from "@/components/records/api-error-alert";
import { countOf } from "../format";

/** Pick a CSV, upload it at once, and read back its rows count, columns and any rows that did not parse. */
export function CsvSourceStep({ onUploaded }: { onUploaded: (file: WorkspaceFile | null) => void }) {
  const upload = useUploadFileMutation();
  const file = upload.data?.file;

  const choose = (chosen: File | undefined) => {
    onUploaded(null);
    upload.reset();
    if (chosen) upload.mutate(chosen, { onSuccess: ({ file }) => onUploaded(file) });
  };

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="model-csv" className="mb-1.5 block text-sm font-medium">
          CSV file
        </label>
        <input
          id="model-csv"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="model-csv-hint"
          disabled={upload.isPending}
          onChange={(event) => choose(event.target.files?.[0])}
          className="block w-full text-sm text-fg-muted file:mr-3 file:h-9 file:rounded-md file:border file:border-border file:bg-surface file:px-4 file:text-sm file:font-medium file:text-fg hover:file:bg-surface-muted"
        />
        <p id="model-csv-hint" className="mt-1.5 text-sm text-fg-muted">
          The first line names the columns; every other line is a record.
        </p>
      </div>
      <div aria-live="polite">
        {upload.isPending && (
          <p role="status" className="text-sm text-fg-muted">
            Uploading…
          </p>
        )}
        {upload.error && <ApiErrorAlert title="Could not upload the file" error={upload.error} />}
        {file && <UploadSummary file={file} />}
      </div>
    </div>
  );
}

function UploadSummary({ file }: { file: WorkspaceFile }) {
  const shownErrors = file.rowErrors.length;
  return (
    <section aria-label="Uploaded file" className="space-y-3">
      <p role="status" className="flex items-center gap-2 text-sm">
        <FileSpreadsheet aria-hidden className="size-4 text-fg-muted" />
        <span className="font-medium">{file.name}</span>
        <span className="text-fg-muted">
          {countOf(file.rowsCount, "row")} · {countOf(file.columns.length, "column")}
        </span>
      </p>
      {file.columns.length > 0 && (
        <ul aria-label="Columns" className="flex flex-wrap gap-1.5">
          {file.columns.map((column) => (
            <li key={column.slug}>
              <Badge>
                {column.label}
                <span className="ml-1 font-normal opacity-70">{column.type}</span>
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {file.rowErrorsCount > 0 && (
        <Alert tone="neutral" title={`${countOf(file.rowErrorsCount, "row")} could not be read and will be left out`}>
          <ul aria-label="Row errors" className="mt-1 space-y-0.5">
            {file.rowErrors.map((error, index) => (
              <li key={`${error.line}:${index}`}>
                <span className="font-medium text-fg">Line {error.line}</span>: {error.message}
              </li>
            ))}
          </ul>
          {file.rowErrorsCount > shownErrors && <p className="mt-1">…and {countOf(file.rowErrorsCount - shownErrors, "more row")}.</p>}
        </Alert>
      )}
    </section>
  );
}

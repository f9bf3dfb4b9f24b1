import { FileJson } from "lucide-react";
import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { OPENAPI_DOCUMENT_PATH } from "@/lib/api/openapi-queries";

export const metadata: Metadata = { title: "API reference" };

export default function ApiReferencePage() {
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Every route of the API, generated from the schemas it parses with. Call it with an API token (Settings → API tokens) under{" "}
            <code className="font-mono text-xs">/api/v1</code>, or <code className="font-mono text-xs">/v1</code> as a client written for Cargo expects.
          </>
        }
        actions={
          // A plain link: the document is an API answer, not a page.
          <a
            href={OPENAPI_DOCUMENT_PATH}
            className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-4 text-sm font-medium whitespace-nowrap hover:bg-surface-muted"
          >
            <FileJson aria-hidden className="size-4" />
            OpenAPI JSON
          </a>
        }
      />
      <ApiReference />
    </>
  );
}

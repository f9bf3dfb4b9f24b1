import type { Metadata } from "next";
import { Suspense } from "react";
import { DevEditorHarness } from "@/e2e/harness/dev-editor-harness";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Inspector" };

/** Test-only page for the node inspector and problems panel without the canvas (built only when RELAY_DEV_PAGES=1 at build time: see next.config.ts). */
export default function DevEditorPage() {
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title="Inspector" description="A workflow's nodes, their problems and the inspector, without the canvas." />
      {/* The harness reads the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense>
        <DevEditorHarness />
      </Suspense>
    </div>
  );
}

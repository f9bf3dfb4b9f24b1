import type { Metadata } from "next";
import { Suspense } from "react";
import { DevEditorHarness } from "@/components/canvas/inspector/dev-editor-harness";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Inspector" };

/** Test-only page for the node inspector and problems panel without the canvas (app/dev/layout.tsx serves it only when RELAY_DEV_PAGES=1). */
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

import type { Metadata } from "next";
import { Suspense } from "react";
import { DevRunPanelHarness } from "@/e2e/harness/dev-run-panel-harness";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Run panel" };

/** Test-only page exercising the editor's RunPanel on one workflow (built only when RELAY_DEV_PAGES=1 at build time: see next.config.ts). */
export default function DevRunPanelPage() {
  return (
    <>
      <PageHeader title="Run panel" description="A workflow's test runs, with a node list standing in for the canvas." />
      {/* The harness reads ?uuid= (useSearchParams), which needs a Suspense boundary. */}
      <Suspense>
        <DevRunPanelHarness />
      </Suspense>
    </>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { DevFormsHarness } from "@/e2e/harness/dev-forms-harness";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Form widgets" };

/** Test-only page exercising the schema-form widgets against the demo integration (built only when RELAY_DEV_PAGES=1 at build time: see next.config.ts). */
export default function DevFormsPage() {
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Form widgets" description="The demo integration's action forms, for trying the widgets." />
      {/* The harness reads the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense>
        <DevFormsHarness />
      </Suspense>
    </div>
  );
}

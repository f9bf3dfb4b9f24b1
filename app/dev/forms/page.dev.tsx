import type { Metadata } from "next";
import { Suspense } from "react";
import { DevFormsHarness } from "@/components/forms/dev-forms-harness";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Form widgets" };

/** Test-only page exercising the schema-form widgets against the demo integration (app/dev/layout.tsx serves it only when RELAY_DEV_PAGES=1). */
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

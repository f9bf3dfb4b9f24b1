import type { Metadata } from "next";
import { Suspense } from "react";
import { DevFormsHarness } from "@/components/forms/dev-forms-harness";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Form widgets" };

/** Test-only page: exercises the schema-form widgets against the demo integration. */
export default function DevFormsPage() {
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Form widgets" description="The demo integration's action forms, for trying the widgets." />
      {/* The harness reads the URL (useSearchParams), which a static page renders in the browser. */}
      <Suspense>
        <DevFormsHarness />
      </Suspense>
    </div>
  );
}

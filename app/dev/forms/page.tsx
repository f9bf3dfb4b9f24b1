import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DevFormsHarness } from "@/components/forms/dev-forms-harness";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Form widgets" };

export const dynamic = "force-dynamic";

/** Test-only page exercising the schema-form widgets against the demo integration; served only when RELAY_DEV_PAGES=1. */
export default function DevFormsPage() {
  if (process.env.RELAY_DEV_PAGES !== "1") notFound();
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

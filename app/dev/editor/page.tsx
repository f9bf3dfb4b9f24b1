import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DevEditorHarness } from "@/components/canvas/inspector/dev-editor-harness";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Inspector" };

export const dynamic = "force-dynamic";

/** Test-only page for the node inspector and problems panel without the canvas; served only when RELAY_DEV_PAGES=1. */
export default function DevEditorPage() {
  if (process.env.RELAY_DEV_PAGES !== "1") notFound();
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

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DevValidateHarness } from "@/components/workflows/dev-validate-harness";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Validation" };

export const dynamic = "force-dynamic";

/** Test-only page validating pasted nodes in the browser; served only when RELAY_DEV_PAGES=1. */
export default function DevValidatePage() {
  if (process.env.RELAY_DEV_PAGES !== "1") notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Validation" description="Validates a graph in the browser, with the same catalog the server uses." />
      <DevValidateHarness />
    </div>
  );
}

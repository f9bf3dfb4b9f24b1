import type { Metadata } from "next";
import { DevValidateHarness } from "@/components/workflows/dev-validate-harness";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Validation" };

/** Test-only page validating pasted nodes in the browser (app/dev/layout.tsx serves it only when RELAY_DEV_PAGES=1). */
export default function DevValidatePage() {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Validation" description="Validates a graph in the browser, with the same catalog the server uses." />
      <DevValidateHarness />
    </div>
  );
}

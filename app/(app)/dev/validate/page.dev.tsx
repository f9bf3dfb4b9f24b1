import type { Metadata } from "next";
import { DevValidateHarness } from "@/e2e/harness/dev-validate-harness";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Validation" };

/** Test-only page validating pasted nodes in the browser (built only when RELAY_DEV_PAGES=1 at build time: see next.config.ts). */
export default function DevValidatePage() {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Validation" description="Validates a graph in the browser, with the same catalog the server uses." />
      <DevValidateHarness />
    </div>
  );
}

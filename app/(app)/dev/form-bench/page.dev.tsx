import { DevFormBench } from "@/e2e/harness/dev-form-bench";

/** Test-only page for bench/form-typing (built only when RELAY_DEV_PAGES=1 at build time: see next.config.ts). */
export default function FormBenchPage() {
  return <DevFormBench />;
}

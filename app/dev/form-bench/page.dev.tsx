import { DevFormBench } from "@/components/forms/dev-form-bench";

/** Test-only page for bench/form-typing (app/dev/layout.tsx serves it only when RELAY_DEV_PAGES=1). */
export default function FormBenchPage() {
  return <DevFormBench />;
}

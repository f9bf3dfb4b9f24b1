import { DevFormBench } from "@/components/forms/dev-form-bench";

/** Test-only page for bench/form-typing. */
export default function FormBenchPage() {
  return <DevFormBench />;
}

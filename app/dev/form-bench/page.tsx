import { notFound } from "next/navigation";
import { DevFormBench } from "@/components/forms/dev-form-bench";

export const dynamic = "force-dynamic";

/** Test-only page for bench/form-typing, served only when RELAY_DEV_PAGES=1. */
export default function FormBenchPage() {
  if (process.env.RELAY_DEV_PAGES !== "1") notFound();
  return <DevFormBench />;
}

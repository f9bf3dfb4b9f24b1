import { notFound } from "next/navigation";
import type { ReactNode } from "react";

// Rendered per request: whether the pages exist is read from the environment at run time.
export const dynamic = "force-dynamic";

/**
 * The test-only pages under /dev (harnesses for the e2e suite and the benchmarks) exist only when
 * RELAY_DEV_PAGES=1; otherwise every one of them is a 404.
 */
export default function DevLayout({ children }: { children: ReactNode }) {
  if (process.env.RELAY_DEV_PAGES !== "1") notFound();
  return children;
}

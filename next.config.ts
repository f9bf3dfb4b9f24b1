import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/server/auth/request-guards";

/**
 * The test-only pages under /dev (harnesses for the e2e suite and the benchmarks) are files named
 * `page.dev.tsx`. They become routes only when RELAY_DEV_PAGES=1 at build time; any other build has
 * no /dev route and bundles none of their code (the harnesses live in e2e/harness/).
 */
const devPages = process.env.RELAY_DEV_PAGES === "1";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "quickjs-emscripten"],
  poweredByHeader: false,
  pageExtensions: devPages ? ["dev.tsx", "tsx", "ts"] : ["tsx", "ts"],
  // The build type-checks the app's sources only; `npm run typecheck` checks tests, e2e and bench too.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // No framing (clickjacking), no content sniffing, no full URLs leaked to other sites.
  headers: async () => [{ source: "/:path*", headers: [...SECURITY_HEADERS] }],
  // The API under Cargo's base path too (`/v1/…` answers as `/api/v1/…`); the production server routes it to the API app itself.
  rewrites: async () => [{ source: "/v1/:path*", destination: "/api/v1/:path*" }],
  // Lets a second build (the e2e suite's, with the dev pages) live beside the default one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;

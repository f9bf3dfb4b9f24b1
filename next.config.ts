import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "quickjs-emscripten"],
  poweredByHeader: false,
  // Lets a second build (a parallel e2e run) live beside the default one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // server-only throws outside Next's react-server build; tests import server modules directly.
      "server-only": fileURLToPath(new URL("./lib/server/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,examples,components,app,cli}/**/*.test.{ts,tsx}", "scripts/**/*.test.mjs"],
    environment: "node",
    testTimeout: 15_000,
  },
});

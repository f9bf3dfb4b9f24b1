import pluginQuery from "@tanstack/eslint-plugin-query";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";
import relay from "./scripts/eslint/stay-inside-root.mjs";

const root = import.meta.dirname;

// The dependency rules of docs/architecture.md ("Dependency direction"), one block per folder.
const app = ["@/app", "@/app/*"];
const components = ["@/components", "@/components/*"];
const react = ["react", "react-dom", "react/*", "react-dom/*", "@tanstack/*", "@rjsf/*", "@xyflow/*"];
const next = ["next", "next/*"];
const drivers = ["better-sqlite3", "pg"];
const nodeBuiltins = ["node:*"];
// Test harnesses and benchmarks: only the test-only pages (app/(app)/dev, built with RELAY_DEV_PAGES=1) use them.
const testCode = ["@/e2e", "@/e2e/*", "@/bench", "@/bench/*"];
const lib = (...names) => names.map((name) => `@/lib/${name}`).flatMap((p) => [p, `${p}/*`]);

const restrict = (files, patterns, extra = {}) => ({
  files,
  rules: {
    "no-restricted-imports": ["error", { patterns: [{ group: patterns, message: "This import breaks the dependency rules in docs/architecture.md." }] }],
    ...extra,
  },
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...pluginQuery.configs["flat/recommended-strict"],
  {
    // A clone has nothing beside it: no import or file read may leave the repository.
    plugins: { relay },
    rules: { "relay/stay-inside-root": ["error", { root }] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  restrict(["lib/**"], [...testCode, ...app, ...components]),
  restrict(["lib/contract/**"], [...testCode, "@/*", ...react, ...next, ...drivers, ...nodeBuiltins]),
  restrict(["lib/workflow/**", "lib/params/**"], [...testCode, ...app, ...components, ...lib("server", "db", "integrations", "engine", "vault", "api"), ...react, ...next, ...drivers, ...nodeBuiltins]),
  restrict(["lib/engine/**"], [...testCode, ...app, ...components, ...lib("server", "db", "integrations", "vault", "api"), ...react, ...next, ...drivers]),
  restrict(["lib/integrations/**", "lib/db/**", "lib/vault/**"], [...testCode, ...app, ...components, ...lib("engine", "server", "api"), ...react, ...next]),
  restrict(["lib/integrations/**", "lib/vault/**"], [...testCode, ...app, ...components, ...lib("engine", "server", "api", "db"), ...react, ...next]),
  restrict(["lib/server/**"], [...testCode, ...app, ...components, ...lib("api"), ...react]),
  restrict(["lib/api/**"], [...testCode, ...app, ...components, ...lib("server", "db", "integrations", "engine", "vault"), ...next, ...drivers, ...nodeBuiltins]),
  // The CLI (cli/README.md) talks to Relay over HTTP and runs the checker locally; nothing else, so it starts fast.
  {
    files: ["cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: [...testCode, ...app, ...components, ...lib("server", "db", "engine", "vault", "api", "workflow", "params"), ...react, ...next, ...drivers], message: "The CLI talks to Relay over HTTP only." },
            { regex: "^@/lib/integrations(?!/checker$)", message: "Of lib/integrations, the CLI may run the checker only." },
          ],
        },
      ],
    },
  },
  restrict(
    ["components/**"],
    [...testCode, ...app, ...lib("server", "db", "integrations", "engine", "vault"), ...drivers, ...nodeBuiltins, "next/server", "next/headers"],
    { "no-restricted-globals": ["error", { name: "fetch", message: "Components get data through lib/api hooks, never fetch." }] },
  ),
  restrict(["components/ui/**"], [...testCode, ...app, "@/components/!(ui)", "@/components/!(ui)/**", "@/lib/!(utils)", "@/lib/!(utils)/**"]),
  { ...restrict(["app/**"], testCode), ignores: ["app/(app)/dev/**"] },
  restrict(["app/**/route.ts"], [...testCode, ...components, ...lib("db", "integrations", "engine", "vault", "api", "workflow", "params")]),
  restrict(["examples/**"], [...testCode, "@/*"]),
  {
    files: ["lib/integrations/**", "lib/server/**"],
    ignores: ["**/*.test.ts", "lib/integrations/testing/**", "lib/server/testing/**"],
    rules: { "no-restricted-globals": ["error", { name: "fetch", message: "Calls on a user's behalf go through the outbound guard (lib/integrations/outbound)." }] },
  },
  globalIgnores([".next/**", ".next-*/**", ".relay-server/**", ".e2e-data*/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "data/**", "bench/out/**"]),
]);

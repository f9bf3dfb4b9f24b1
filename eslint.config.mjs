import pluginQuery from "@tanstack/eslint-plugin-query";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// The dependency rules of STYLE.md ("Dependency direction"), one block per folder.
const app = ["@/app", "@/app/*"];
const components = ["@/components", "@/components/*"];
const react = ["react", "react-dom", "react/*", "react-dom/*", "@tanstack/*", "@rjsf/*", "@xyflow/*"];
const next = ["next", "next/*"];
const drivers = ["better-sqlite3", "pg"];
const nodeBuiltins = ["node:*"];
const lib = (...names) => names.map((name) => `@/lib/${name}`).flatMap((p) => [p, `${p}/*`]);

const restrict = (files, patterns, extra = {}) => ({
  files,
  rules: {
    "no-restricted-imports": ["error", { patterns: [{ group: patterns, message: "This import breaks the dependency rules in STYLE.md." }] }],
    ...extra,
  },
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...pluginQuery.configs["flat/recommended-strict"],
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  restrict(["lib/**"], [...app, ...components]),
  restrict(["lib/contract/**"], ["@/*", ...react, ...next, ...drivers, ...nodeBuiltins]),
  restrict(["lib/workflow/**", "lib/params/**"], [...app, ...components, ...lib("server", "db", "integrations", "engine", "vault", "api"), ...react, ...next, ...drivers, ...nodeBuiltins]),
  restrict(["lib/engine/**"], [...app, ...components, ...lib("server", "db", "integrations", "vault", "api"), ...react, ...next, ...drivers]),
  restrict(["lib/integrations/**", "lib/db/**", "lib/vault/**"], [...app, ...components, ...lib("engine", "server", "api"), ...react, ...next]),
  restrict(["lib/integrations/**", "lib/vault/**"], [...app, ...components, ...lib("engine", "server", "api", "db"), ...react, ...next]),
  restrict(["lib/server/**"], [...app, ...components, ...lib("api"), ...react]),
  restrict(["lib/api/**"], [...app, ...components, ...lib("server", "db", "integrations", "engine", "vault"), ...next, ...drivers, ...nodeBuiltins]),
  restrict(
    ["components/**"],
    [...app, ...lib("server", "db", "integrations", "engine", "vault"), ...drivers, ...nodeBuiltins, "next/server", "next/headers"],
    { "no-restricted-globals": ["error", { name: "fetch", message: "Components get data through lib/api hooks, never fetch." }] },
  ),
  restrict(["components/ui/**"], [...app, "@/components/!(ui)", "@/components/!(ui)/**", "@/lib/!(utils)", "@/lib/!(utils)/**"]),
  restrict(["app/**/route.ts"], [...components, ...lib("db", "integrations", "engine", "vault", "api", "workflow", "params")]),
  restrict(["examples/**"], ["@/*"]),
  globalIgnores([".next/**", ".next-*/**", ".e2e-data*/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "data/**", "bench/out/**"]),
]);

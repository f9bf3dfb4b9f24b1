#!/usr/bin/env node
// The `relay` CLI (cli/README.md). It runs the TypeScript sources under cli/ through tsx, with the
// repository's tsconfig so `@/…` imports resolve whatever the working directory.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { register as registerCjs } from "tsx/cjs/api";
import { register } from "tsx/esm/api";

const tsconfig = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
// The package is CommonJS, so tsx loads cli/*.ts through require: both hooks are needed. This is
// also the fast way: tsImport's namespaced loader costs about half a second per command.
process.env.TSX_TSCONFIG_PATH = tsconfig;
register({ tsconfig });
registerCjs();

// `relay … | head` closes the pipe early: that is the reader's choice, not a failure to report.
process.stdout.on("error", (error) => process.exit(error.code === "EPIPE" ? 0 : 1));

const cli = await import("../cli/main.ts");
// Loaded as CommonJS, its exports may sit on `default` only.
const main = cli.main ?? cli.default.main;
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
// exitCode rather than exit(): a large answer piped to another program is written out in full first.
process.exitCode = await main({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, version });

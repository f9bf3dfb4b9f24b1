import path from "node:path";
import { ESLint, RuleTester } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { stayInsideRoot } from "./stay-inside-root.mjs";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.afterAll = afterAll;

const root = "/repo";
const file = (relative) => path.join(root, relative);
const options = [{ root }];
const tester = new RuleTester({ languageOptions: { ecmaVersion: "latest", sourceType: "module" } });
const outside = [{ messageId: "outside" }];

tester.run("stay-inside-root", stayInsideRoot, {
  valid: [
    { code: 'import vectors from "./params-vectors.json";', filename: file("lib/params/a.test.ts"), options },
    { code: 'import { x } from "../../lib/contract";', filename: file("app/api/route.ts"), options },
    { code: 'export * from "../contract";', filename: file("lib/db/index.ts"), options },
    { code: 'import fs from "node:fs"; fs.readFileSync("./data/app.db");', filename: file("scripts/start.mjs"), options },
    { code: 'import path from "node:path"; path.join(__dirname, "..", "public");', filename: file("scripts/x.mjs"), options },
    { code: 'import path from "node:path"; path.resolve(process.cwd(), "data");', filename: file("lib/server/settings.ts"), options },
    { code: 'new URL("./fixtures/a.json", import.meta.url);', filename: file("e2e/a.ts"), options },
    // Unknown at lint time (a variable), and URLs that are not file paths, are left alone.
    { code: 'import path from "node:path"; path.join(dir, "..", "..");', filename: file("lib/a.ts"), options },
    { code: 'router.push("../workflows");', filename: file("components/a.tsx"), options },
  ],
  invalid: [
    { code: 'import x from "../../../outside.json";', filename: file("lib/params/a.test.ts"), options, errors: outside },
    { code: 'export { y } from "../../z";', filename: file("lib/a.ts"), options, errors: outside },
    { code: 'const v = await import("../../elsewhere/vectors/params.json");', filename: file("lib/a.ts"), options, errors: outside },
    { code: 'const v = require("../x");', filename: file("a.js"), options, errors: outside },
    { code: 'vi.mock("../../../elsewhere");', filename: file("lib/b.test.ts"), options, errors: outside },
    { code: 'import fs from "node:fs"; fs.readFileSync("../../elsewhere/DESIGN.md", "utf8");', filename: file("scripts/a.mjs"), options, errors: outside },
    { code: 'import fs from "node:fs/promises"; await fs.readFile(`../../x.json`);', filename: file("bench/a.mjs"), options, errors: outside },
    { code: 'import { readFileSync } from "node:fs"; readFileSync("../y");', filename: file("a.mjs"), options, errors: outside },
    { code: 'import path from "node:path"; path.join(__dirname, "..", "..", "shared");', filename: file("lib/a.mjs"), options, errors: outside },
    { code: 'import path from "node:path"; path.resolve(process.cwd(), "../elsewhere/vectors");', filename: file("lib/a.mjs"), options, errors: outside },
    { code: 'new URL("../../../outside.json", import.meta.url);', filename: file("e2e/a/b.mjs"), options, errors: outside },
  ],
});

describe("the lint step", () => {
  const repoRoot = path.resolve(import.meta.dirname, "../..");

  it("fails on a deliberately added import that climbs out of the repository", async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const [result] = await eslint.lintText('import x from "../../../outside.json";\nexport default x;\n', {
      filePath: path.join(repoRoot, "lib/params/added-by-hand.test.ts"),
    });
    expect(result.messages.map((m) => m.ruleId)).toContain("relay/stay-inside-root");
    expect(result.errorCount).toBeGreaterThan(0);
  });

  it("accepts the same test data imported from inside the repository", async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const [result] = await eslint.lintText('import x from "./params-vectors.json";\nexport default x;\n', {
      filePath: path.join(repoRoot, "lib/params/added-by-hand.test.ts"),
    });
    expect(result.messages.filter((m) => m.ruleId === "relay/stay-inside-root")).toEqual([]);
  });
});

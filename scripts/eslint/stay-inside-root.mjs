// ESLint rule `relay/stay-inside-root`: no import and no file read may climb out of the repository.
// A user's clone has nothing beside it, so a path like "../../../elsewhere/data.json" that works
// in one workspace breaks everyone else's build. The rule resolves every relative path it can see
// statically against the file's folder and reports the ones that land outside `root`:
//   - module specifiers: import/export … from, import(), require(), vi.mock() and friends;
//   - file reads and writes through `fs`/`fs/promises` (any function whose first argument is a path);
//   - paths built with path.join/path.resolve from __dirname, import.meta.dirname, process.cwd()
//     or a string, and `new URL("…", import.meta.url)`.
import path from "node:path";

/** A string literal, or a template literal without expressions, as a string; else undefined. */
function staticString(node) {
  if (!node) return undefined;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

const isRelative = (value) => value === ".." || value.startsWith("./") || value.startsWith("../");

function isMember(node, object, property) {
  return (
    node?.type === "MemberExpression" &&
    (object === undefined || (node.object.type === "Identifier" && node.object.name === object) || (object === "import.meta" && node.object.type === "MetaProperty")) &&
    ((node.property.type === "Identifier" && node.property.name === property) || staticString(node.property) === property)
  );
}

/** The folder a path expression starts from: the file's folder, the root (cwd), or undefined (unknown). */
function baseOf(node, fileDir, root) {
  if (node.type === "Identifier" && node.name === "__dirname") return fileDir;
  if (isMember(node, "import.meta", "dirname")) return fileDir;
  if (node.type === "CallExpression" && isMember(node.callee, "process", "cwd")) return root;
  return undefined;
}

/** path.join/path.resolve(base, "..", "x"): the folder it names when every part is known. */
function joinedPath(call, fileDir, root) {
  const [first, ...rest] = call.arguments;
  if (!first) return undefined;
  const parts = rest.map(staticString);
  if (parts.some((part) => part === undefined)) return undefined;
  const base = baseOf(first, fileDir, root);
  if (base !== undefined) return path.resolve(base, ...parts);
  const literal = staticString(first);
  if (literal !== undefined && isRelative(literal)) return path.resolve(fileDir, literal, ...parts);
  return undefined;
}

const FS_FUNCTION = /^(read|write|append|exists|stat|lstat|open|access|copy|cp|create\w*Stream|readdir|mkdir|rm|unlink|rename|watch)/;
const FS_OBJECT = /^(fs|fsp|fsPromises|promises)$/;

/** fs.readFileSync(…), fs.promises.readFile(…), fsp.readFile(…), or a bare readFileSync(…) imported from fs. */
function isFsCall(callee, name) {
  if (!FS_FUNCTION.test(name)) return false;
  if (callee.type === "Identifier") return true;
  const object = callee.object;
  if (object.type === "Identifier") return FS_OBJECT.test(object.name);
  return isMember(object, "fs", "promises");
}

const MODULE_CALLS = new Set(["require", "importActual", "importMock", "mock", "doMock", "unmock", "resolve"]);

/** @type {import("eslint").Rule.RuleModule} */
export const stayInsideRoot = {
  meta: {
    type: "problem",
    docs: { description: "Forbids imports and file reads that climb out of the repository root." },
    schema: [{ type: "object", properties: { root: { type: "string" } }, required: ["root"], additionalProperties: false }],
    messages: {
      outside: "'{{value}}' resolves to {{target}}, outside the repository: a clone has nothing beside it. Keep test data and code inside the project.",
    },
  },
  create(context) {
    const root = path.resolve(context.options[0].root);
    const fileDir = path.dirname(path.resolve(context.physicalFilename ?? context.filename));

    const report = (node, value, target) => {
      const relative = path.relative(root, target);
      if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
        context.report({ node, messageId: "outside", data: { value, target } });
      }
    };
    const checkSpecifier = (node) => {
      const value = staticString(node);
      if (value !== undefined && isRelative(value)) report(node, value, path.resolve(fileDir, value));
    };

    return {
      ImportDeclaration: (node) => checkSpecifier(node.source),
      ExportNamedDeclaration: (node) => node.source && checkSpecifier(node.source),
      ExportAllDeclaration: (node) => checkSpecifier(node.source),
      ImportExpression: (node) => checkSpecifier(node.source),
      TSImportType: (node) => checkSpecifier(node.argument?.literal ?? node.argument),
      CallExpression(node) {
        const { callee } = node;
        const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && callee.property.type === "Identifier" ? callee.property.name : undefined;
        if (name === undefined) return;
        if ((name === "join" || name === "resolve") && callee.type === "MemberExpression" && callee.object.type === "Identifier" && callee.object.name === "path") {
          const target = joinedPath(node, fileDir, root);
          if (target !== undefined) report(node, context.sourceCode.getText(node), target);
          return;
        }
        if (MODULE_CALLS.has(name)) {
          checkSpecifier(node.arguments[0]);
          return;
        }
        // fs.readFileSync("../x"), readFile, existsSync, createReadStream, cp…: the first argument is a path.
        if (isFsCall(callee, name)) {
          checkSpecifier(node.arguments[0]);
        }
      },
      NewExpression(node) {
        if (node.callee.type === "Identifier" && node.callee.name === "URL" && isMember(node.arguments[1], "import.meta", "url")) {
          checkSpecifier(node.arguments[0]);
        }
      },
    };
  },
};

/** The plugin eslint.config.mjs registers as `relay`. */
const plugin = { rules: { "stay-inside-root": stayInsideRoot } };
export default plugin;

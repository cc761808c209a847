// Second half of `npm run build` (after tsc): bundle the CLI, precompile the shipped rubrics,
// and record a V8 code cache for the bundle (see bin/social-audit.js for why).
import { build } from "esbuild";
import { basename, join } from "node:path";
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Readable, Writable } from "node:stream";
import { writeBuiltinCache } from "../dist/io/builtin-cache.js";
import { LEVELS_FILE, displayName, parseRubricText, rubricFiles } from "../dist/io/load-rubrics.js";
import { builtinRubricsDir, packageInfo } from "../dist/io/package-root.js";

const outdir = "dist/bin";
await rm(outdir, { recursive: true, force: true });

// One CommonJS file, because only a classic script can be given a code cache on Node 20.
// Commands and formats are still evaluated only when used: esbuild turns their dynamic
// imports into lazy initialisers. Inquirer (600 KB, mostly encodings for its editor prompt)
// stays in a file of its own, read only by the interview.
const INQUIRER = "./inquirer.cjs";

// string-width compiles its Unicode property patterns (\p{RGI_Emoji} alone expands to thousands
// of sequences) and an Intl.Segmenter when its module is evaluated: tens of milliseconds that
// every terminal table paid, although src/text/width.ts only calls it for text outside its
// one-column fast path, which shipped rubric text never leaves. Here the bundle's import of it
// becomes a function that evaluates the real module on its first call; the module and its
// results are unchanged. (esbuild keeps a require() of an ES module lazy in a CommonJS bundle.)
const STRING_WIDTH = createRequire(import.meta.url).resolve("string-width");
const stringWidthOnFirstUse = {
  name: "string-width-on-first-use",
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer.endsWith(join("src", "text", "width.ts"))
        ? { path: "string-width", namespace: "string-width-on-first-use" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "string-width-on-first-use" }, () => ({
      contents: `let width;
module.exports = (text, options) => (width ??= require(${JSON.stringify(STRING_WIDTH)}).default)(text, options);`,
      resolveDir: process.cwd(),
      loader: "js",
    }));
  },
};
const commonJsForNode20 = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "linked",
  logLevel: "warning",
};
await build({
  ...commonJsForNode20,
  entryPoints: { cli: "src/cli/run.ts" },
  outdir,
  outExtension: { ".js": ".cjs" },
  // The one use of import.meta.url (finding package.json) works from the bundle's own path.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [
    {
      name: "inquirer-apart",
      setup(b) {
        b.onResolve({ filter: /^@inquirer\/prompts$/ }, () => ({ path: INQUIRER, external: true }));
      },
    },
    stringWidthOnFirstUse,
  ],
});
// The bundle's first line names its build, so a code cache from another build is never used
// for this one (bin/social-audit.js).
const bundleFile = join(outdir, "cli.cjs");
const bundled = await readFile(bundleFile, "utf8");
const id = createHash("sha256").update(bundled).digest("hex").slice(0, 32);
await writeFile(bundleFile, `// social-audit build ${id}\n${bundled}`);

await build({
  ...commonJsForNode20,
  stdin: { contents: 'module.exports = require("@inquirer/prompts");', resolveDir: process.cwd() },
  outfile: join(outdir, INQUIRER),
});

// The shipped rubrics must be valid to build at all; their parsed form is cached for start-up.
const entries = [];
for (const file of rubricFiles(builtinRubricsDir())) {
  const text = await readFile(file, "utf8");
  const result = parseRubricText(
    text,
    displayName(file, true),
    true,
    basename(file) === LEVELS_FILE,
  );
  if (result.kind === "invalid") {
    console.error(
      result.diagnostics
        .map((d) => `${d.file}:${d.line}:${d.column}: ${d.path}: ${d.message}`)
        .join("\n"),
    );
    process.exit(1);
  }
  entries.push({ name: basename(file), text, result });
}
await writeBuiltinCache(entries);

// The code cache holds what V8 compiled while running, so run what users run most first:
// audits in each common format, the rubric listing, help and version.
const { loadBundle, writeCodeCache } = createRequire(import.meta.url)("../bin/social-audit.js");
const { cli, script, id: buildLine } = loadBundle(await readFile(bundleFile, "utf8"), undefined);
const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
// stdin stays untouched: the training commands never read it, and a terminal there must not hold the build open.
const io = {
  stdout: discard(),
  stderr: discard(),
  stdin: Readable.from([]),
  env: { NO_COLOR: "1" },
  cwd: packageInfo().root,
};
const examples = ["examples/bakery.yaml", "examples/bike-shop.yaml"];
for (const argv of [
  ["audit", examples[0], "--format", "json"],
  ["audit", examples[0]],
  ["audit", ...examples, "--format", "jsonl"],
  ["audit", examples[1], "--format", "markdown"],
  ["rubrics", "list"],
  ["--help"],
  ["--version"],
]) {
  await cli.main(argv, io);
}
writeCodeCache(script, buildLine);

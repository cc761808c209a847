// Second half of `npm run build` (after tsc): bundle the CLI and precompile the shipped rubrics.
import { build } from "esbuild";
import { basename } from "node:path";
import { readFile } from "node:fs/promises";
import { contentHash, writeBuiltinCache } from "../dist/io/builtin-cache.js";
import { LEVELS_FILE, displayName, parseRubricText, rubricFiles } from "../dist/io/load-rubrics.js";
import { builtinRubricsDir } from "../dist/io/package-root.js";

// Bundled, start-up does not pay for resolving hundreds of modules (zod alone is hundreds).
// Commands, formats and inquirer stay in lazily loaded chunks.
await build({
  entryPoints: { cli: "src/cli/run.ts" },
  outdir: "dist/bin",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "linked",
  // cli-table3 and friends are CommonJS; give them a require that works inside ESM.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  logLevel: "warning",
});

// The shipped rubrics must be valid to build at all; their parsed form is cached for start-up.
const entries = [];
for (const file of await rubricFiles(builtinRubricsDir())) {
  const text = await readFile(file, "utf8");
  const result = parseRubricText(text, displayName(file, true), true, basename(file) === LEVELS_FILE);
  if (result.kind === "invalid") {
    console.error(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.path}: ${d.message}`).join("\n"));
    process.exit(1);
  }
  entries.push({ name: basename(file), hash: contentHash(text), result });
}
await writeBuiltinCache(entries);

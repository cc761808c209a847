// First half of `prepare`: the build needs the development dependencies (TypeScript, esbuild).
// `npm install -g .` on a fresh clone runs `prepare` without installing them, which used to end
// in "tsc: not found"; this says instead what to run.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const missing = ["typescript", "esbuild"].filter((name) => {
  try {
    require.resolve(`${name}/package.json`);
    return false;
  } catch {
    return true;
  }
});
if (missing.length > 0) {
  process.stderr.write(
    `social-audit: building needs the development dependencies (${missing.join(", ")} missing).\n` +
      "From a clone, install them and build first, then install the command:\n" +
      "  npm ci && npm install -g .\n",
  );
  process.exit(1);
}

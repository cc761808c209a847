import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * End-to-end tests spawn the built CLI, and worker threads load the bundle, so the suite
 * builds first: `npx vitest run` right after `npm ci` tests the current source, never a
 * stale dist/. SOCIAL_AUDIT_BUILT=1 spares the build when the caller has just built.
 *
 * The run gets a temporary directory of its own (TMPDIR, inherited by the test workers and
 * every CLI they spawn), so that after the suite it can assert that no test left a
 * `social-audit-test-*` folder behind, whatever other runs share the machine's /tmp.
 */
export function setup(): () => void {
  if (process.env.SOCIAL_AUDIT_BUILT !== "1")
    execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
  const outer = tmpdir();
  const own = mkdtempSync(join(outer, "social-audit-run-"));
  process.env.TMPDIR = own;
  return () => {
    process.env.TMPDIR = outer;
    const left = readdirSync(own);
    rmSync(own, { recursive: true, force: true });
    if (left.length > 0)
      throw new Error(`the tests left temporary files behind: ${left.join(", ")}`);
  };
}

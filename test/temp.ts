import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Kept apart from helpers.ts and free of our source: test/setup.ts loads it in every test
// file before vi.mock can apply, so anything it imported would escape the file's mocks.

const created: string[] = [];

/** A fresh temporary folder, removed after the test file (test/setup.ts); none is left behind. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "social-audit-test-"));
  created.push(dir);
  return dir;
}

/** Removes every folder tempDir made, even ones a test made read-only. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      chmodTree(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function chmodTree(dir: string): void {
  try {
    chmodSync(dir, 0o755);
  } catch {
    return;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory()) chmodTree(join(dir, entry.name));
}

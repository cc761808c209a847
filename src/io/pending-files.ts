import { rmSync } from "node:fs";

/**
 * Temporary files being written right now. A signal ends the process without running
 * `finally` blocks, so its handler removes these synchronously (see cli/run.ts) and an
 * interrupted `-o` leaves nothing behind.
 */
const pending = new Set<string>();

export function trackTemporary(file: string): void {
  pending.add(file);
}

export function untrackTemporary(file: string): void {
  pending.delete(file);
}

/** Removes every temporary file still being written; safe to call from a signal handler. */
export function removePendingTemporaries(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

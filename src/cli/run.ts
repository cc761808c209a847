import { main } from "./main.js";
import { processIO } from "./io.js";
import { printNodeWarning } from "./print-error.js";

// The build script runs main() in-process to record the code cache.
export { main };

/** Entry of bin/audit-worker.js; loaded on demand so start-up does not pay for it. */
export async function runAuditWorker(): Promise<void> {
  const { runAuditWorker } = await import("./parallel-audit.js");
  await runAuditWorker();
}

/** Process wiring only: everything testable lives in main(). */
export async function run(): Promise<void> {
  // `social-audit audit ... | head -1` closes the pipe early; that is the reader's choice, not an error.
  const quietOnBrokenPipe = (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  };
  process.stdout.on("error", quietOnBrokenPipe);
  process.stderr.on("error", quietOnBrokenPipe);
  // Node's own warning printer would echo raw input (a library's message quoting a key);
  // ours prints the same warning made safe for the terminal.
  process.removeAllListeners("warning");
  process.on("warning", (warning) => {
    printNodeWarning(process, warning);
  });
  process.on("SIGINT", () => {
    process.stderr.write("\nsocial-audit: interrupted\n");
    process.exit(130);
  });
  process.exitCode = await main(process.argv.slice(2), processIO());
}

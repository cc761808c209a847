import { closeSync } from "node:fs";
import { EXIT } from "../errors.js";
import { describeFsError, errorCode } from "../io/file-errors.js";
import { removePendingTemporaries } from "../io/pending-files.js";
import { processIO } from "./io.js";
import { main } from "./main.js";
import { printNodeWarning } from "./print-error.js";

// The build script runs main() in-process to record the code cache.
export { main };

/** Entry of bin/audit-worker.js; loaded on demand so start-up does not pay for it. */
export async function runAuditWorker(): Promise<void> {
  const { runAuditWorker } = await import("../audit/workers.js");
  await runAuditWorker();
}

/**
 * The user stopped us: Ctrl-C, or the terminal closed (SIGHUP, or EIO from a hung-up pty).
 * A signal does not wait for pending promises, so this removes any half-written output file
 * itself, says so in one line, and ends the process: the one process.exit in the program,
 * because after a signal there is nothing left worth finishing. An interview has saved every
 * answer already, so nothing is lost.
 */
function stopInterrupted(reason: string, terminal: "alive" | "gone" = "alive"): never {
  removePendingTemporaries();
  try {
    process.stderr.write(`\nsocial-audit: ${reason}\n`);
  } catch {
    // The terminal may be gone; the exit code still says what happened.
  }
  if (terminal === "gone") releaseDeadTerminal();
  process.exit(EXIT.interrupted);
}

/**
 * Node 20 puts the terminal back as it found it when the process exits, and aborts with a
 * native stack (SIGABRT) when that fails because the terminal has hung up (nodejs/node#51519,
 * fixed in later Node lines). It skips descriptors that are closed, so ours to the dead
 * terminal are closed first; there is nothing left to restore on it anyway.
 */
function releaseDeadTerminal(): void {
  for (const fd of [0, 1, 2]) {
    try {
      closeSync(fd);
    } catch {
      // Already closed: exactly what is wanted.
    }
  }
}

/** Process wiring only: everything testable lives in main(). */
export async function run(): Promise<void> {
  // `social-audit audit ... | head -1` closes the pipe early; that is the reader's choice, not
  // an error, and the run still ends with the audit's own exit code. Any other failure to
  // write stdout (a full disk behind `> file`) fails the run with one line.
  let finished = false;
  let stdoutFailure: NodeJS.ErrnoException | undefined;
  const reportStdoutFailure = () => {
    if (!stdoutFailure || errorCode(stdoutFailure) === "EPIPE") return;
    process.stderr.write(
      `social-audit: cannot write the report to stdout: ${describeFsError(stdoutFailure)}\n`,
    );
    process.exitCode = EXIT.invalidInput;
  };
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (stdoutFailure) return;
    stdoutFailure = error;
    if (finished) reportStdoutFailure();
  });
  // Node's own warning printer would echo raw input (a library's message quoting a key);
  // ours prints the same warning made safe for the terminal.
  process.removeAllListeners("warning");
  process.on("warning", (warning) => {
    printNodeWarning(process, warning);
  });
  // With stderr gone there is no one left to tell; the exit code still speaks.
  process.stderr.on("error", () => undefined);
  process.on("SIGINT", () => stopInterrupted("interrupted"));
  process.on("SIGHUP", () => stopInterrupted("interrupted: the terminal was closed", "gone"));
  // Other stdin errors (a reader that stopped early) are its reader's to handle.
  const io = processIO((error) => {
    if (errorCode(error) === "EIO") stopInterrupted("interrupted: the terminal was closed", "gone");
  });
  process.exitCode = await main(process.argv.slice(2), io);
  finished = true;
  reportStdoutFailure();
}

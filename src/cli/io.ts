import { invokedAs } from "./invocation.js";

/** Everything the CLI touches of the outside world, injected so tests can run it in-process. */
export interface CliIO {
  stdout: {
    write(text: string | Uint8Array): unknown;
    isTTY?: boolean | undefined;
    columns?: number | undefined;
  };
  stderr: { write(text: string): unknown; isTTY?: boolean | undefined };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean | undefined };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** How the user started the CLI (see invocation.ts), for the commands hints suggest. */
  command?: string | undefined;
}

/**
 * The process's own streams. `onStdinError` hears of a terminal that went away under a
 * prompt (EIO from a hung-up pty), which would otherwise be an unhandled "error" event.
 */
export function processIO(onStdinError: (error: NodeJS.ErrnoException) => void): CliIO {
  let stdin: NodeJS.ReadStream | undefined;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // process.stdin opens a handle on first use (3 ms, and a TTY put in raw-capable mode);
    // most runs never read it.
    get stdin() {
      if (!stdin) {
        stdin = process.stdin;
        stdin.on("error", onStdinError);
      }
      return stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    command: invokedAs(process.env, process.argv[1], process.cwd()),
  };
}

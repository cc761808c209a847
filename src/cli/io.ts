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

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // process.stdin opens a handle on first use (3 ms, and a TTY put in raw-capable mode);
    // most runs never read it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    command: invokedAs(process.env, process.argv[1], process.cwd()),
  };
}

import { EventEmitter } from "node:events";
import { writeSync } from "node:fs";
import { isatty } from "node:tty";

/** Everything the CLI touches of the outside world, injected so tests can run it in-process. */
export interface CliIO {
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean | undefined; columns?: number | undefined };
  stderr: { write(text: string): unknown; isTTY?: boolean | undefined };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean | undefined };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** `onBrokenPipe` runs when the reader of stdout has gone (`... | head -1`). */
export function processIO(onBrokenPipe: () => never): CliIO {
  return {
    stdout: new DirectStdout(onBrokenPipe),
    stderr: process.stderr,
    // process.stdin opens a handle on first use (3 ms, and a TTY put in raw-capable mode);
    // most runs never read it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Standard output written with blocking writes to descriptor 1. Creating process.stdout
 * loads Node's stream machinery, ~4 ms or a tenth of an audit's start-up, for a report that
 * is written in one go. A pipe to a slow reader simply blocks the write, which is the
 * backpressure streamed output needs. If the descriptor is non-blocking (a parent such as
 * Node may share it that way) and the pipe is full, the rest goes through process.stdout,
 * which queues it and signals "drain" like any stream; this object passes that on.
 */
class DirectStdout extends EventEmitter {
  private stream: NodeJS.WriteStream | undefined;

  constructor(private readonly onBrokenPipe: () => never) {
    super();
  }

  /** `done` is called once the text is written (at once, unless it had to be queued). */
  write(text: string | Uint8Array, done?: (error?: Error | null) => void): boolean {
    if (this.stream) return this.stream.write(text, done);
    const bytes = typeof text === "string" ? Buffer.from(text) : text;
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(1, bytes, written);
      if (done) queueMicrotask(done);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") this.onBrokenPipe();
      if (code !== "EAGAIN") throw error;
    }
    this.stream = process.stdout;
    this.stream.on("drain", () => this.emit("drain"));
    this.stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") this.onBrokenPipe();
      this.emit("error", error);
    });
    // Queued bytes must stay as they are until written; a caller's buffer may be reused.
    return this.stream.write(Buffer.from(bytes.subarray(written)), done);
  }

  get isTTY(): boolean {
    return isatty(1);
  }

  get columns(): number | undefined {
    return isatty(1) ? process.stdout.columns : undefined;
  }
}

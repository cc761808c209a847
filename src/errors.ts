/**
 * Exit codes are part of the CLI's contract, so they are all named here; errors are mapped to
 * them in one place (cli/main's handleError), and handlers return them for process.exitCode.
 */
export const EXIT = {
  ok: 0,
  belowThreshold: 1,
  usage: 2,
  /** A plan, rubric or report the user can fix, or output that could not be written. */
  invalidInput: 2,
  /** A bug: our fault, not the user's (sysexits' EX_SOFTWARE). */
  internal: 70,
  /** Ctrl-C, or the terminal went away (hang-up); the shell's 128 + SIGINT. */
  interrupted: 130,
} as const;

/** A located problem in a user's input, printed as `file:line:col: path: message`. */
export interface Diagnostic {
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  /** Dotted path into the document, e.g. answers.presence.response-time. */
  path?: string | undefined;
  message: string;
  severity?: "error" | "warning";
}

/** Errors a user can fix. They are printed without a stack trace and end with exit code 2. */
export class UserError extends Error {
  readonly exitCode: number = EXIT.invalidInput;
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
    readonly hint?: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}

export class UsageError extends UserError {
  override readonly exitCode = EXIT.usage;
  constructor(message: string, hint?: string) {
    super(message, [], hint);
    this.name = "UsageError";
  }
}

/** The user stopped us (Ctrl-C, closed terminal); what was saved is said by whoever throws it. */
export class InterruptedError extends Error {
  readonly exitCode = EXIT.interrupted;
  /** How to pick up where the run stopped, printed on a line of its own. */
  readonly hint: string | undefined;
  constructor(message = "interrupted", hint?: string) {
    super(message);
    this.name = "InterruptedError";
    this.hint = hint;
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.column].filter((part) => part !== undefined).join(":");
  const prefix = where ? `${where}: ` : "";
  const severity = d.severity === "warning" ? "warning: " : "";
  const path = d.path ? `${d.path}: ` : "";
  return `${prefix}${severity}${path}${d.message}`;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${p}`))
    .join("");
}

import { formatDiagnostic, type Diagnostic } from "../errors.js";
import { stripControl } from "../render/sanitize.js";
import type { CliIO } from "./io.js";
import { withInvocation } from "./invocation.js";

/** Located problems shown per error; the rest are counted. */
const MAX_SHOWN = 50;

/**
 * The one error style: `social-audit: message`, then each located problem as
 * `social-audit: file:line:col: path: message`, then an indented hint. Messages quote user
 * input, so they are sanitised before reaching a terminal.
 */
export function printError(
  io: Pick<CliIO, "stderr" | "command">,
  message: string,
  diagnostics: readonly Diagnostic[] = [],
  hint?: string,
): void {
  const lines = [`social-audit: ${message}`];
  const errors = diagnostics.filter((d) => d.severity !== "warning");
  const shown = errors.slice(0, MAX_SHOWN);
  for (const d of shown) lines.push(`social-audit: ${formatDiagnostic(d)}`);
  if (errors.length > shown.length)
    lines.push(`social-audit: ... and ${errors.length - shown.length} more`);
  if (hint)
    lines.push(...hint.split("\n").map((line, i) => `  ${i === 0 ? "hint: " : "      "}${line}`));
  io.stderr.write(`${stripControl(withInvocation(lines.join("\n"), io.command))}\n`);
}

export function printWarnings(io: Pick<CliIO, "stderr">, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics.filter((x) => x.severity === "warning"))
    io.stderr.write(`social-audit: ${stripControl(formatDiagnostic(d))}\n`);
}

/** Something the user should know that is not a problem (e.g. a request that was adjusted). */
export function printNote(io: Pick<CliIO, "stderr">, message: string): void {
  io.stderr.write(`social-audit: ${stripControl(message)}\n`);
}

import { formatDiagnostic, type Diagnostic } from "../errors.js";
import { escapeControl, stripControl } from "../text/sanitize.js";
import type { CliIO } from "./io.js";
import { withInvocation } from "./invocation.js";

/** Located problems shown per error; the rest are counted. */
const MAX_SHOWN = 50;

/**
 * Messages quote user input (file names, YAML keys, values, argv), so every part of one is
 * made a single line with control characters shown as escapes: nothing read from a file can
 * recolour the terminal or start a line of its own on stderr, where a CI runner such as GitHub
 * Actions would act on "::error ..." or "::add-mask::".
 */
function safeDiagnostic(d: Diagnostic): string {
  return formatDiagnostic({
    ...d,
    file: d.file === undefined ? undefined : escapeControl(d.file),
    path: d.path === undefined ? undefined : escapeControl(d.path),
    message: escapeControl(d.message),
  });
}

/**
 * The one error style: `social-audit: message`, then each located problem as
 * `social-audit: file:line:col: path: message`, then an indented hint.
 */
export function printError(
  io: Pick<CliIO, "stderr" | "command">,
  message: string,
  diagnostics: readonly Diagnostic[] = [],
  hint?: string,
): void {
  const lines = [`social-audit: ${escapeControl(message)}`];
  const errors = diagnostics.filter((d) => d.severity !== "warning");
  const shown = errors.slice(0, MAX_SHOWN);
  for (const d of shown) lines.push(`social-audit: ${safeDiagnostic(d)}`);
  if (errors.length > shown.length)
    lines.push(`social-audit: ... and ${errors.length - shown.length} more`);
  // A hint may quote input too, so it stays on one line like the rest.
  if (hint) lines.push(`  hint: ${escapeControl(hint)}`);
  io.stderr.write(`${withInvocation(lines.join("\n"), io.command)}\n`);
}

export function printWarnings(io: Pick<CliIO, "stderr">, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics.filter((x) => x.severity === "warning"))
    io.stderr.write(`social-audit: ${safeDiagnostic(d)}\n`);
}

/** Something the user should know that is not a problem (e.g. a request that was adjusted). */
export function printNote(io: Pick<CliIO, "stderr">, message: string): void {
  io.stderr.write(`social-audit: ${escapeControl(message)}\n`);
}

/**
 * Commander's own messages echo argv ("unknown option '...'", "Allowed choices are ..."):
 * quoted parts are escaped to one line, and escape sequences anywhere are removed.
 */
export function commanderText(text: string): string {
  const quoted = text.startsWith("error:")
    ? text.replace(/'[^']*'/g, (part) => escapeControl(part))
    : text;
  return stripControl(quoted);
}

/** A warning Node raises (ours or a library's) printed in our style, its text made safe. */
export function printNodeWarning(io: Pick<CliIO, "stderr">, warning: Error): void {
  io.stderr.write(`social-audit: warning: ${escapeControl(warning.message)}\n`);
}

/** Multi-line text we composed around untrusted parts, such as a stack trace. */
export function safeBlock(text: string): string {
  return stripControl(text);
}

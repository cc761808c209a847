import { formatDiagnostic, type Diagnostic } from "../errors.js";
import { stripControl } from "../text/sanitize.js";
import type { CliIO } from "./io.js";

/** Messages quote user input, so they are sanitised before reaching a terminal. */
export function printError(
  io: CliIO,
  message: string,
  diagnostics: readonly Diagnostic[] = [],
  hint?: string,
): void {
  const lines = [`social-audit: ${message}`];
  const errors = diagnostics.filter((d) => d.severity !== "warning");
  const shown = errors.slice(0, 50);
  for (const d of shown) lines.push(`  ${formatDiagnostic(d)}`);
  if (errors.length > shown.length) lines.push(`  ... and ${errors.length - shown.length} more`);
  if (hint) lines.push(`hint: ${hint}`);
  io.stderr.write(`${stripControl(lines.join("\n"))}\n`);
}

export function printWarnings(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics.filter((x) => x.severity === "warning"))
    io.stderr.write(`${stripControl(formatDiagnostic(d))}\n`);
}

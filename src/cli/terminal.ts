import type { CliIO } from "./io.js";

/**
 * Width for terminal reports: the terminal's own (tables fit it, and stack below 60 columns),
 * 80 when unknown (a pipe or a file), and at most 160 so prose stays readable.
 */
export function terminalWidth(io: Pick<CliIO, "stdout">): number {
  const columns = io.stdout.columns;
  if (columns === undefined || !Number.isFinite(columns) || columns <= 0) return 80;
  return Math.min(Math.max(Math.floor(columns), 20), 160);
}

/** An interview needs a person at a terminal; anything else would wait for input that cannot come. */
export function canInterview(io: CliIO): boolean {
  const ci = io.env.CI;
  return (
    io.stdin.isTTY === true && !(ci !== undefined && ci !== "" && ci !== "0" && ci !== "false")
  );
}

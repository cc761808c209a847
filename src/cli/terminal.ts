import type { CliIO } from "./io.js";

/** Width for terminal reports: the terminal's own, kept within what a table reads well at. */
export function terminalWidth(io: Pick<CliIO, "stdout">): number {
  return Math.min(Math.max(io.stdout.columns ?? 100, 60), 160);
}

/** An interview needs a person at a terminal; anything else would wait for input that cannot come. */
export function canInterview(io: CliIO): boolean {
  const ci = io.env.CI;
  return (
    io.stdin.isTTY === true && !(ci !== undefined && ci !== "" && ci !== "0" && ci !== "false")
  );
}

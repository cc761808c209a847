import type { CliIO } from "./io.js";

/** An interview needs a person at a terminal; anything else would wait for input that cannot come. */
export function canInterview(io: CliIO): boolean {
  const ci = io.env.CI;
  return io.stdin.isTTY === true && !(ci !== undefined && ci !== "" && ci !== "0" && ci !== "false");
}

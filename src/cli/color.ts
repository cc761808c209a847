import type { CliIO } from "./io.js";

/**
 * Colour follows the conventions users already set: --no-color and NO_COLOR turn it off,
 * FORCE_COLOR turns it on (FORCE_COLOR=0 off), otherwise only when writing to a terminal.
 */
export function useColor(
  io: Pick<CliIO, "env">,
  stream: { isTTY?: boolean | undefined },
  flag: boolean | undefined,
): boolean {
  if (flag === false) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

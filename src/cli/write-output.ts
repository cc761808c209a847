import { resolve } from "node:path";
import { writeFileAtomic, type WriteOptions } from "../io/write-atomic.js";
import type { CliIO } from "./io.js";

/** The one place whole reports leave the program: stdout, or a file written atomically. */
export async function writeOutput(
  io: CliIO,
  text: string,
  target: string | null,
  options: Pick<WriteOptions, "force" | "replaceable">,
): Promise<void> {
  if (target === null || target === "-") {
    io.stdout.write(text);
    return;
  }
  await writeFileAtomic(resolve(io.cwd, target), text, { ...options, display: target });
  io.stderr.write(`social-audit: wrote ${target}\n`);
}

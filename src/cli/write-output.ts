import { resolve } from "node:path";
import { writeFileAtomic } from "../io/write-atomic.js";
import type { CliIO } from "./io.js";

/** The one place reports leave the program: stdout, or a file written atomically. */
export async function writeOutput(
  io: CliIO,
  text: string,
  target: string | null,
  options: { force: boolean },
): Promise<void> {
  if (target === null || target === "-") {
    io.stdout.write(text);
    return;
  }
  await writeFileAtomic(resolve(io.cwd, target), text, options);
  io.stderr.write(`social-audit: wrote ${target}\n`);
}

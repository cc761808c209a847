import { CommanderError } from "commander";
import { EXIT, InterruptedError, UserError } from "../errors.js";
import type { CliIO } from "./io.js";
import { printError, safeBlock } from "./print-error.js";
import { buildProgram } from "./program/index.js";

/**
 * The whole CLI as a function: argv in, exit code out. It never calls process.exit, so
 * pending output is flushed and tests can run it in-process.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    argv,
  );
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

export function handleError(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // Help and version are successes; everything else commander rejects is a usage error.
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version")
      return EXIT.ok;
    // Help shown because no command was given is a usage error, not a success.
    if (error.code === "commander.help") return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return EXIT.usage;
  }
  if (error instanceof UserError) {
    printError(io, error.message, error.diagnostics, error.hint);
    return error.exitCode;
  }
  if (error instanceof InterruptedError) {
    printError(io, error.message, [], error.hint);
    return error.exitCode;
  }
  // A bug, not a user mistake: this is the one place a stack trace is worth printing.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(
    `social-audit: internal error; please report it with the command you ran.\n${safeBlock(detail)}\n`,
  );
  return EXIT.internal;
}

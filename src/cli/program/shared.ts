import { Option, type Command } from "commander";
import type { CliIO } from "../io.js";

/** What every command's action needs: the process's streams, and where to leave its exit code. */
export interface CommandContext {
  io: CliIO;
  setExit: (code: number) => void;
}

/** Commander collects a repeatable option's values with this. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** --rubrics and --no-builtin: every command that reads rubrics takes them. */
export function rubricOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        "--rubrics <path>",
        "extra rubric folder or file; adds dimensions or overrides built-in ones by id (repeatable)",
      ).argParser(collect),
    )
    .option("--no-builtin", "use only the rubrics given with --rubrics");
}

/** Output options shared by the views over many audits (trend, portfolio). */
export function viewOptions(command: Command): Command {
  return command
    .option("--json", "shorthand for --format json")
    .option("-o, --output <file>", "write to a file (atomically) instead of stdout")
    .option("--force", "allow --output to replace an existing file")
    .option("--top <n>", "how many items to list per section in human formats", "5")
    .option("--width <columns>", "columns to fit the table in (default: the terminal's width)")
    .option("--no-color", "disable colour");
}

import { Command } from "commander";
import { packageInfo } from "../../io/package-root.js";
import type { CliIO } from "../io.js";
import { commanderText } from "../print-error.js";
import { addAuditCommands } from "./audit.js";
import { addAuthoringCommands } from "./authoring.js";
import { addRubricCommands } from "./rubrics.js";
import { addViewCommands } from "./views.js";

/**
 * The commander program: every command and option, each action importing its command's
 * module only when it runs, so a run pays for one command's code.
 */
export function buildProgram(
  io: CliIO,
  setExit: (code: number) => void,
  argv: readonly string[] = [],
): Command {
  const program = new Command();
  program
    .name("social-audit")
    .description(
      "Audit how ready an organisation is to live in social media, not merely exist there.",
    )
    .version(packageInfo().version, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(commanderText(text)),
      // Commander's own errors in our one style; they echo argv, so they are made safe too.
      outputError: (text, write) => {
        write(commanderText(text).replace(/^error: /, "social-audit: "));
        // Commander says what is wrong; where to look next is ours to add, naming the
        // command as the user ran it.
        const names = new Set(program.commands.map((c) => c.name()));
        const command = argv.find((arg) => names.has(arg));
        const help = `${io.command ?? "social-audit"}${command ? ` ${command}` : ""} --help`;
        write(`  hint: \`${help}\` lists the ${command ? "options and examples" : "commands"}.\n`);
      },
    })
    .exitOverride();

  const context = { io, setExit };
  addAuditCommands(program, context);
  addViewCommands(program, context);
  addAuthoringCommands(program, context);
  addRubricCommands(program, context);

  program.addHelpText(
    "after",
    `
Examples:
  $ social-audit audit examples/bakery.yaml
  $ social-audit audit plan.yaml --json --fail-under 60
  $ social-audit rubrics show presence

Run \`social-audit <command> --help\` for a command's options.`,
  );
  return program;
}

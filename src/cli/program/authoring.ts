import { Option, type Command } from "commander";
import { collect, rubricOptions, type CommandContext } from "./shared.js";

/** `interview` and `init`: the two ways a plan file is written. */
export function addAuthoringCommands(program: Command, { io, setExit }: CommandContext): void {
  rubricOptions(
    program
      .command("interview")
      .description(
        "interview a client in the terminal, saving answers to a plan file as you go, then print the report",
      )
      .option(
        "-o, --out <file>",
        "plan file to write (default: social-plan.yaml, or social-plan.NAME.yaml with --respondent)",
      )
      .option(
        "--respondent <name>",
        "who is answering: saved in the plan and on their evidence, in a file of their own",
      )
      .option("--role <role>", "with --respondent: their role, e.g. Owner")
      .option("--resume", "continue an interrupted interview: ask only what is unanswered")
      .option("--revisit", "continue like --resume, asking the questions skipped earlier again too")
      .option("--force", "start over, replacing an existing plan file")
      .addOption(
        new Option("--dimension <id>", "interview only this dimension (repeatable)").argParser(
          collect,
        ),
      )
      .option("--no-color", "disable colour"),
  )
    .addHelpText(
      "after",
      '\nExamples:\n  $ social-audit interview\n  $ social-audit interview --out clients/acme.yaml --dimension presence\n  $ social-audit interview --out clients/acme.yaml --resume\n  $ social-audit interview --out clients/acme.yaml --revisit\n  $ social-audit interview --respondent "Ana Silva" --role Owner   # writes social-plan.ana-silva.yaml\n  $ social-audit audit --merge social-plan.*.yaml                   # one report from everyone\'s answers\n\nAnswers are saved after each question; Ctrl-C exits with code 130 and prints the command that resumes.\nIn a question: ? shows its help, b goes back, s skips, n marks it not applicable (where the rubric allows).\nAfter an answer the rubric wants backed up, an optional line asks for evidence (a link, or where to find it).',
    )
    .action(async (options: Record<string, unknown>) => {
      const { runInterviewCommand } = await import("../commands/interview.js");
      setExit(await runInterviewCommand(io, options));
    });

  rubricOptions(
    program
      .command("init")
      .description(
        "write a plan template with every question, its allowed answers and why it matters",
      )
      .argument("[file]", 'where to write it (default: "social-plan.yaml")')
      .option("-o, --output <file>", "where to write it, as audit takes it (same as [file])")
      .option("--organization <name>", "the organisation's name")
      .option("--force", "replace an existing file"),
  )
    .addHelpText(
      "after",
      '\nExamples:\n  $ social-audit init\n  $ social-audit init plans/acme.yaml --organization "Acme Ltd"',
    )
    .action(async (file: string | undefined, options: Record<string, unknown>) => {
      const { runInit } = await import("../commands/init.js");
      setExit(await runInit(io, file, options));
    });
}

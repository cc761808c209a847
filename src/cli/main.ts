import { Command, CommanderError, Option } from "commander";
import { EXIT, InterruptedError, UserError } from "../errors.js";
import { packageInfo } from "../io/package-root.js";
import { FORMATS, PORTFOLIO_FORMATS, TREND_FORMATS } from "../render/index.js";
import type { CliIO } from "./io.js";
import { commanderText, printError, safeBlock } from "./print-error.js";

/** Commander collects a repeatable option's values with this. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const AUDIT_EXAMPLES = `
Examples:
  $ social-audit audit examples/bakery.yaml                 score a plan, print a table
  $ social-audit audit plan.yaml --json | jq .overall       JSON for other tools
  $ social-audit audit plan.yaml --fail-under 60 --min presence=50
                                                            fail CI below thresholds (exit 1)
  $ social-audit audit clients/*.yaml --format json -o all.json
                                                            many plans, one file
  $ social-audit audit clients/*.yaml --format jsonl -o all.jsonl
                                                            thousands of plans, streamed, on several cores
  $ cat plan.yaml | social-audit audit -                    read a plan from stdin

Exit codes: 0 passed, 1 below a threshold, 2 usage or invalid input, 130 interrupted.`;

function buildProgram(
  io: CliIO,
  setExit: (code: number) => void,
  argv: readonly string[] = [],
): Command {
  const program = new Command();
  const rubricOptions = (command: Command) =>
    command
      .addOption(
        new Option(
          "--rubrics <path>",
          "extra rubric folder or file; adds dimensions or overrides built-in ones by id (repeatable)",
        ).argParser(collect),
      )
      .option("--no-builtin", "use only the rubrics given with --rubrics");

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

  rubricOptions(
    program
      .command("audit")
      .description(
        "score one or more plan files and print a report with prioritized recommendations",
      )
      .argument(
        "[plans...]",
        "plan files (YAML); `-` reads one from stdin; default: ./social-plan.yaml",
      )
      .addOption(new Option("-f, --format <format>", "report format").choices(FORMATS))
      .option("--json", "shorthand for --format json")
      .option("-o, --output <file>", "write the report to a file (atomically) instead of stdout")
      .option("--force", "allow --output to replace an existing file")
      .option("--fail-under <score>", "exit 1 when the overall score is below SCORE (0-100)")
      .addOption(
        new Option(
          "--min <dimension=score>",
          "exit 1 when a dimension is below SCORE (repeatable)",
        ).argParser(collect),
      )
      .addOption(
        new Option(
          "--dimension <id>",
          "assess only this dimension (repeatable); the others are shown as not assessed",
        ).argParser(collect),
      )
      .option("--top <n>", "how many recommendations to show (default 5; github 3; sarif all)")
      .option("--strict", "treat unanswered questions as errors")
      .option(
        "--baseline <report>",
        "a JSON report (or plan) to compare against, with --fail-on-regression",
      )
      .option(
        "--fail-on-regression",
        "exit 1 when the overall or any dimension score drops below --baseline",
      )
      .option(
        "--exit-zero",
        "report only: exit 0 even below a threshold (invalid input still exits 2)",
      )
      .option("--no-plan-thresholds", "ignore the thresholds a plan declares")
      .option(
        "--require-evidence",
        "score a claim the rubric wants backed up, given without evidence, as the best answer that needs none",
      )
      .option(
        "--max-age <duration>",
        "list answers whose asOf (or the plan's date) is older than DURATION, e.g. 180d, 12m, 1y",
      )
      .option("--fail-on-stale", "with --max-age: exit 1 when any answer is stale")
      .option(
        "--merge",
        "combine plans of one organisation answered by different people into one report",
      )
      .addOption(
        new Option(
          "--csv-rows <rows>",
          "with --format csv: one row per plan and dimension, or per question",
        ).choices(["dimensions", "questions"]),
      )
      .option(
        "--jobs <n>",
        "threads for auditing many plans to jsonl or github output; 1 stays in one thread",
        "auto",
      )
      .option("--no-color", "disable colour (also NO_COLOR=1)"),
  )
    .addHelpText("after", AUDIT_EXAMPLES)
    .action(async (plans: string[], options: Record<string, unknown>) => {
      const { runAudit } = await import("./commands/audit.js");
      setExit(await runAudit(io, plans, options));
    });

  rubricOptions(
    program
      .command("compare")
      .description(
        "show what changed between two audits: score deltas, questions improved or regressed, recommendations resolved and new",
      )
      .argument("<before>", "earlier JSON report (from audit --json) or plan file")
      .argument("<after>", "later JSON report or plan file")
      .addOption(
        new Option("-f, --format <format>", "output format").choices(["table", "json", "markdown"]),
      )
      .option("--json", "shorthand for --format json")
      .option("-o, --output <file>", "write to a file (atomically) instead of stdout")
      .option("--force", "allow --output to replace an existing file")
      .option("--no-color", "disable colour"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  $ social-audit compare march.json november.json\n  $ social-audit compare old-plan.yaml social-plan.yaml --format markdown > progress.md",
    )
    .action(async (before: string, after: string, options: Record<string, unknown>) => {
      const { runCompare } = await import("./commands/compare.js");
      setExit(await runCompare(io, before, after, options));
    });

  const viewOptions = (command: Command) =>
    command
      .option("--json", "shorthand for --format json")
      .option("-o, --output <file>", "write to a file (atomically) instead of stdout")
      .option("--force", "allow --output to replace an existing file")
      .option("--top <n>", "how many items to list per section in human formats", "5")
      .option("--width <columns>", "columns to fit the table in (default: the terminal's width)")
      .option("--no-color", "disable colour");

  rubricOptions(
    viewOptions(
      program
        .command("trend")
        .description(
          "audits of one organisation in date order: score series, level changes, recommendations resolved and raised",
        )
        .argument("[audits...]", "JSON reports (from audit --json) or plan files, in any order")
        .addOption(new Option("-f, --format <format>", "output format").choices(TREND_FORMATS)),
    ),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  $ social-audit trend examples/trend/*.yaml\n  $ social-audit trend audits/*.json --format html -o progress.html",
    )
    .action(async (files: string[], options: Record<string, unknown>) => {
      const { runTrend } = await import("./commands/trend.js");
      setExit(await runTrend(io, files, options));
    });

  rubricOptions(
    viewOptions(
      program
        .command("portfolio")
        .description(
          "one row per organisation (latest audit, fix-first count, change since the previous one) and the most common gaps",
        )
        .argument(
          "[audits...]",
          "plan files or JSON reports; several audits of one organisation show its change",
        )
        .addOption(new Option("-f, --format <format>", "output format").choices(PORTFOLIO_FORMATS))
        .addOption(
          new Option(
            "--sort <key>",
            "score: lowest first; change: largest drop first; name: alphabetical",
          )
            .choices(["score", "change", "name"])
            .default("score"),
        )
        .option("--gaps <n>", "how many of the most common gaps to list", "10"),
    ),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  $ social-audit portfolio clients/*.yaml\n  $ social-audit portfolio clients/*.yaml --sort change --format csv -o portfolio.csv",
    )
    .action(async (files: string[], options: Record<string, unknown>) => {
      const { runPortfolio } = await import("./commands/portfolio.js");
      setExit(await runPortfolio(io, files, options));
    });

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
      const { runInterviewCommand } = await import("./commands/interview.js");
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
      const { runInit } = await import("./commands/init.js");
      setExit(await runInit(io, file, options));
    });

  rubricOptions(
    program
      .command("schema")
      .description(
        "print the JSON Schema of a plan, report, rubric or levels file (generated from the validators)",
      )
      .argument("<name>", "plan | report | rubric | levels | trend | portfolio"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  $ social-audit schema report > report.schema.json\n  $ social-audit schema plan --rubrics ./my-rubrics",
    )
    .action(async (name: string, options: { rubrics?: string[]; builtin?: boolean }) => {
      const { runSchema } = await import("./commands/schema.js");
      setExit(await runSchema(io, name, options));
    });

  const rubrics = program.command("rubrics").description("list, show and validate rubrics");
  rubricOptions(
    rubrics
      .command("list")
      .description("list loaded dimensions with their question counts, weights and source files")
      .option("--json", "print JSON"),
  ).action(async (options: { json?: boolean; rubrics?: string[]; builtin?: boolean }) => {
    const { runRubricsList } = await import("./commands/rubrics.js");
    setExit(await runRubricsList(io, options));
  });
  rubricOptions(
    rubrics
      .command("show")
      .description(
        "show a dimension's questions, allowed answers, scoring and recommendations (all dimensions without ID)",
      )
      .argument("[id]", "dimension id, e.g. presence")
      .option("--json", "print JSON (ids, kinds, allowed values) for tools that generate plans"),
  ).action(
    async (
      id: string | undefined,
      options: { json?: boolean; rubrics?: string[]; builtin?: boolean },
    ) => {
      const { runRubricsShow } = await import("./commands/rubrics.js");
      setExit(await runRubricsShow(io, id, options));
    },
  );
  rubrics
    .command("validate")
    .description(
      "check rubric files or folders and report every problem at once (exit 2 if any error)",
    )
    .argument("<paths...>", "rubric files or folders")
    .addHelpText("after", "\nExample:\n  $ social-audit rubrics validate ./my-rubrics")
    .action(async (paths: string[]) => {
      const { runRubricsValidate } = await import("./commands/rubrics.js");
      setExit(await runRubricsValidate(io, paths));
    });

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
    printError(io, error.message);
    return error.exitCode;
  }
  // A bug, not a user mistake: this is the one place a stack trace is worth printing.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(
    `social-audit: internal error; please report it with the command you ran.\n${safeBlock(detail)}\n`,
  );
  return EXIT.internal;
}

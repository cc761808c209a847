import { Option, type Command } from "commander";
import { FORMATS } from "../../render/index.js";
import { collect, rubricOptions, type CommandContext } from "./shared.js";

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

/** `audit` and `compare`: a plan scored, and two audits set side by side. */
export function addAuditCommands(program: Command, { io, setExit }: CommandContext): void {
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
      const { runAudit } = await import("../commands/audit.js");
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
      const { runCompare } = await import("../commands/compare.js");
      setExit(await runCompare(io, before, after, options));
    });
}

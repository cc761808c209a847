import { Option, type Command } from "commander";
import { PORTFOLIO_FORMATS, TREND_FORMATS } from "../../render/index.js";
import { rubricOptions, viewOptions, type CommandContext } from "./shared.js";

/** `trend` and `portfolio`: views over many audits. */
export function addViewCommands(program: Command, { io, setExit }: CommandContext): void {
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
      const { runTrend } = await import("../commands/trend.js");
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
      const { runPortfolio } = await import("../commands/portfolio.js");
      setExit(await runPortfolio(io, files, options));
    });
}

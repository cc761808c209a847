import type { Command } from "commander";
import { rubricOptions, type CommandContext } from "./shared.js";

/** `schema` and `rubrics list|show|validate`: what the rubrics and formats are. */
export function addRubricCommands(program: Command, { io, setExit }: CommandContext): void {
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
      const { runSchema } = await import("../commands/schema.js");
      setExit(await runSchema(io, name, options));
    });

  const rubrics = program.command("rubrics").description("list, show and validate rubrics");
  rubricOptions(
    rubrics
      .command("list")
      .description("list loaded dimensions with their question counts, weights and source files")
      .option("--json", "print JSON"),
  ).action(async (options: { json?: boolean; rubrics?: string[]; builtin?: boolean }) => {
    const { runRubricsList } = await import("../commands/rubrics.js");
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
      const { runRubricsShow } = await import("../commands/rubrics.js");
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
      const { runRubricsValidate } = await import("../commands/rubrics.js");
      setExit(await runRubricsValidate(io, paths));
    });
}

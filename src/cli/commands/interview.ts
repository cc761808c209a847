import { resolve } from "node:path";
import * as z from "zod";
import type { Plan } from "../../core/plan.js";
import { buildReport } from "../../core/report.js";
import type { RubricSet } from "../../core/rubric.js";
import { didYouMean } from "../../core/suggest.js";
import { EXIT, InterruptedError, UsageError, UserError } from "../../errors.js";
import { parsePlan } from "../../io/load-plan.js";
import { loadRubrics } from "../../io/load-rubrics.js";
import { packageInfo } from "../../io/package-root.js";
import { readTextFile } from "../../io/read-text.js";
import { fileExists, writeFileAtomic } from "../../io/write-atomic.js";
import { loadRenderer } from "../../render/index.js";
import { planToYaml } from "../../render/plan-yaml.js";
import { useColor } from "../color.js";
import type { CliIO } from "../io.js";
import { withInvocation } from "../invocation.js";
import { parseOptions } from "../options.js";
import { printWarnings } from "../print-error.js";
import { canInterview, terminalWidth } from "../terminal.js";

const InterviewOptionsSchema = z.object({
  out: z.string().min(1).default("social-plan.yaml"),
  resume: z.boolean().default(false),
  force: z.boolean().default(false),
  dimension: z.array(z.string()).default([]),
  rubrics: z.array(z.string()).default([]),
  builtin: z.boolean().default(true),
  color: z.boolean().optional(),
});

export async function runInterviewCommand(
  io: CliIO,
  rawOptions: unknown,
  today = new Date(),
): Promise<number> {
  const options = parseOptions(InterviewOptionsSchema, rawOptions);
  if (!canInterview(io)) {
    throw new UsageError(
      "interview needs an interactive terminal (stdin is not a terminal, or CI is set)",
      "In CI or a script, audit a plan file instead: social-audit audit social-plan.yaml (social-audit init writes a template).",
    );
  }
  const { rubrics, warnings } = await loadRubrics({
    paths: options.rubrics,
    builtin: options.builtin,
  });
  printWarnings(io, warnings);
  const ids = rubrics.dimensions.map((d) => d.rubric.id);
  for (const id of options.dimension) {
    if (!ids.includes(id))
      throw new UsageError(
        `--dimension names unknown dimension "${id}"${didYouMean(id, ids)}`,
        `Known dimensions: ${ids.join(", ")}`,
      );
  }

  const file = resolve(io.cwd, options.out);
  const exists = await fileExists(file);
  if (exists && !options.resume && !options.force) {
    throw new UserError(
      `${options.out} already exists`,
      [],
      `Continue it with: social-audit interview --out ${options.out} --resume   (or start over with --force)`,
    );
  }
  let resume: Plan | undefined;
  if (options.resume && exists) {
    resume = parsePlan(await readTextFile(file, options.out), options.out, rubrics).plan;
  } else if (options.resume) {
    io.stderr.write(
      `social-audit: nothing to resume at ${options.out}; starting a new interview\n`,
    );
  }

  const resumeCommand = withInvocation(
    `social-audit interview --out ${options.out} --resume${options.dimension.map((d) => ` --dimension ${d}`).join("")}`,
    io.command,
  );
  let saved: Plan | undefined = resume;
  const save = async (plan: Plan) => {
    await writeFileAtomic(
      file,
      planToYaml(plan, rubrics, [
        `Written by social-audit interview. Audit it with: social-audit audit ${options.out}`,
      ]),
      { force: true },
    );
    saved = plan;
  };

  const color = useColor(io, io.stderr, options.color);
  const { inquirerPrompter } = await import("../../interview/inquirer-prompter.js");
  const { runInterview } = await import("../../interview/session.js");
  let plan: Plan;
  try {
    plan = await runInterview(
      inquirerPrompter({ input: io.stdin, output: io.stderr as NodeJS.WritableStream }, color),
      {
        rubrics,
        dimensions: options.dimension,
        ...(resume ? { resume } : {}),
        today: today.toISOString().slice(0, 10),
        save,
      },
    );
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    const count = saved ? [...saved.answers.values()].reduce((n, a) => n + a.size, 0) : 0;
    const where = saved
      ? `${count} answer${count === 1 ? "" : "s"} saved to ${options.out}`
      : "nothing was saved yet";
    throw new InterruptedError(
      `interrupted; ${where}.${saved ? `\nResume with: ${resumeCommand}` : ""}`,
    );
  }
  return finish(io, rubrics, plan, options.out, options.color);
}

async function finish(
  io: CliIO,
  rubrics: RubricSet,
  plan: Plan,
  out: string,
  colorFlag: boolean | undefined,
): Promise<number> {
  const report = buildReport({
    rubrics,
    plan,
    toolVersion: packageInfo().version,
    planSource: out,
  });
  const renderer = await loadRenderer("table");
  io.stdout.write(
    renderer.report(report, {
      color: useColor(io, io.stdout, colorFlag),
      top: 5,
      width: terminalWidth(io),
    }),
  );
  io.stderr.write(
    withInvocation(
      [
        "",
        `Saved to ${out}. The same report at any time: social-audit audit ${out}`,
        "Export it:",
        `  social-audit audit ${out} --format markdown -o report.md`,
        `  social-audit audit ${out} --format html -o report.html`,
        `  social-audit audit ${out} --json -o report.json`,
        "",
      ].join("\n"),
      io.command,
    ),
  );
  return EXIT.ok;
}

import { dirname, relative, resolve, sep } from "node:path";
import * as z from "zod";
import { EXIT } from "../../errors.js";
import { loadRubrics } from "../../io/load-rubrics.js";
import { packageInfo } from "../../io/package-root.js";
import { writeFileAtomic } from "../../io/write-atomic.js";
import { planTemplate } from "../../render/plan-template.js";
import type { CliIO } from "../io.js";
import { parseOptions } from "../options.js";
import { printWarnings } from "../print-error.js";

const InitOptionsSchema = z.object({
  force: z.boolean().default(false),
  organization: z
    .string()
    .trim()
    .min(1, { error: "--organization needs a name, got an empty one" })
    .max(200, { error: "--organization takes a name of at most 200 characters" })
    .default("Your organisation"),
  rubrics: z.array(z.string()).default([]),
  builtin: z.boolean().default(true),
});

export async function runInit(
  io: CliIO,
  file: string | undefined,
  rawOptions: unknown,
  today = new Date(),
): Promise<number> {
  const options = parseOptions(InitOptionsSchema, rawOptions);
  const target = file ?? "social-plan.yaml";
  const { rubrics, warnings } = await loadRubrics({
    paths: options.rubrics,
    builtin: options.builtin,
  });
  printWarnings(io, warnings);
  const absolute = resolve(io.cwd, target);
  const schemaFile = resolve(packageInfo().root, "schemas", "plan.schema.json");
  const fromPlan = relative(dirname(absolute), schemaFile).split(sep).join("/");
  const text = planTemplate(rubrics, {
    organization: options.organization,
    date: today.toISOString().slice(0, 10),
    schemaRef: fromPlan.startsWith(".") ? fromPlan : `./${fromPlan}`,
  });
  await writeFileAtomic(absolute, text, { force: options.force });
  const questions = rubrics.dimensions.reduce((n, d) => n + d.rubric.questions.length, 0);
  io.stderr.write(
    `social-audit: wrote ${target} with ${questions} questions in ${rubrics.dimensions.length} dimensions\nNext: answer them in your editor, then run: social-audit audit ${target}\n`,
  );
  return EXIT.ok;
}

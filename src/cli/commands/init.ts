import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import * as z from "zod";
import { EXIT, UsageError } from "../../errors.js";
import { loadRubrics } from "../../io/load-rubrics.js";
import { packageInfo } from "../../io/package-root.js";
import { writeFileAtomic } from "../../io/write-atomic.js";
import { planTemplate } from "../../render/plan-template.js";
import type { CliIO } from "../io.js";
import { withInvocation } from "../invocation.js";
import { parseOptions } from "../options.js";
import { printWarnings } from "../print-error.js";

const InitOptionsSchema = z.object({
  force: z.boolean().default(false),
  /** `-o FILE`, as audit takes it; the same as naming the file as the argument. */
  output: z.string().min(1, { error: "--output needs a file name, got an empty one" }).optional(),
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
  if (file !== undefined && options.output !== undefined && file !== options.output)
    throw new UsageError(
      `init was given two files to write: ${file} and --output ${options.output}`,
      "Name the file once, as the argument or with -o.",
    );
  const target = options.output ?? file ?? "social-plan.yaml";
  const { rubrics, warnings } = await loadRubrics({
    paths: options.rubrics,
    builtin: options.builtin,
  });
  printWarnings(io, warnings);
  const absolute = resolve(io.cwd, target);
  const text = planTemplate(rubrics, {
    organization: options.organization,
    date: today.toISOString().slice(0, 10),
    schemaRef: schemaReference(dirname(absolute), packageInfo().root),
  });
  await writeFileAtomic(absolute, text, { force: options.force });
  const questions = rubrics.dimensions.reduce((n, d) => n + d.rubric.questions.length, 0);
  io.stderr.write(
    withInvocation(
      `social-audit: wrote ${target} with ${questions} questions in ${rubrics.dimensions.length} dimensions\nNext: answer them in your editor, then run: social-audit audit ${target}\n`,
      io.command,
    ),
  );
  return EXIT.ok;
}

/**
 * The plan schema's path for the template's yaml-language-server line, relative to the plan,
 * and only when it resolves the same on every machine that has the plan's repository: the
 * plan sits inside a checkout of social-audit, or the package is installed in a node_modules
 * folder of the plan's project. For a global or npx install, undefined: any path would name
 * this machine's folders.
 */
export function schemaReference(planDir: string, packageRoot: string): string | undefined {
  const schema = join(packageRoot, "schemas", "plan.schema.json");
  const fromPlan = relative(planDir, schema).split(sep).join("/");
  if (isAbsolute(fromPlan)) return undefined;
  const insideCheckout = !relative(packageRoot, planDir).startsWith("..");
  const belowClimb = fromPlan.replace(/^(\.\.\/)+/, "");
  const inProjectDependencies = belowClimb.startsWith("node_modules/");
  if (!insideCheckout && !inProjectDependencies) return undefined;
  return fromPlan.startsWith(".") ? fromPlan : `./${fromPlan}`;
}

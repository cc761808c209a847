import { join, resolve } from "node:path";
import type { PlanOptions } from "../core/plan.js";
import type { RubricSet } from "../core/rubric.js";
import { UsageError } from "../errors.js";
import { parsePlan, type LoadedPlan } from "../io/load-plan.js";
import { readStdinText, readTextFile } from "../io/read-text.js";
import { fileExists } from "../io/write-atomic.js";
import type { CliIO } from "./io.js";

/** Names a plan is looked for under when none is given, as linters find their config. */
export const DEFAULT_PLAN_FILES = ["social-plan.yaml", ".social-plan.yaml"];

export async function findDefaultPlan(cwd: string): Promise<string | undefined> {
  for (const name of DEFAULT_PLAN_FILES) {
    const candidate = join(cwd, name);
    if (await fileExists(candidate)) return name;
  }
  return undefined;
}

export async function loadPlanSource(source: string, io: CliIO, rubrics: RubricSet, options: PlanOptions): Promise<LoadedPlan> {
  if (source === "-") {
    if (io.stdin.isTTY) throw new UsageError("`-` reads a plan from stdin, but stdin is a terminal", "Pipe a plan in: cat plan.yaml | social-audit audit -");
    return parsePlan(await readStdinText(io.stdin), "<stdin>", rubrics, options);
  }
  return parsePlan(await readTextFile(resolve(io.cwd, source), source), source, rubrics, options);
}

import { join } from "node:path";
import { fileExists } from "../io/output-target.js";

/** Names a plan is looked for under when none is given, as linters find their config. */
export const DEFAULT_PLAN_FILES = ["social-plan.yaml", ".social-plan.yaml"];

export async function findDefaultPlan(cwd: string): Promise<string | undefined> {
  for (const name of DEFAULT_PLAN_FILES) {
    if (await fileExists(join(cwd, name))) return name;
  }
  return undefined;
}

import { join, resolve } from "node:path";
import { UsageError, UserError } from "../errors.js";
import { readStdinText, readTextFileSync } from "../io/read-text.js";
import { fileExists } from "../io/write-atomic.js";
import type { CliIO } from "./io.js";

/** Names a plan is looked for under when none is given, as linters find their config. */
export const DEFAULT_PLAN_FILES = ["social-plan.yaml", ".social-plan.yaml"];

export async function findDefaultPlan(cwd: string): Promise<string | undefined> {
  for (const name of DEFAULT_PLAN_FILES) {
    if (await fileExists(join(cwd, name))) return name;
  }
  return undefined;
}

/** A plan's text as read, or why it could not be read (reported in order, with the others). */
export type PlanText =
  | { source: string; display: string; text: string }
  | { source: string; display: string; error: UserError };

async function readPlan(source: string, io: CliIO): Promise<PlanText> {
  const display = source === "-" ? "<stdin>" : source;
  try {
    if (source === "-") {
      if (io.stdin.isTTY)
        throw new UsageError(
          "`-` reads a plan from stdin, but stdin is a terminal",
          "Pipe a plan in: cat plan.yaml | social-audit audit -",
        );
      return { source, display, text: await readStdinText(io.stdin) };
    }
    return { source, display, text: readTextFileSync(resolve(io.cwd, source), source) };
  } catch (error) {
    if (error instanceof UserError) return { source, display, error };
    throw error;
  }
}

/** Yields each plan's text, or why it could not be read, in the order given. */
export async function* planTexts(sources: readonly string[], io: CliIO): AsyncGenerator<PlanText> {
  for (const source of sources) yield await readPlan(source, io);
}

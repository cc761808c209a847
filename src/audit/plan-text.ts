import { resolve } from "node:path";
import { UsageError, UserError } from "../errors.js";
import { readStdinText, readTextFileSync } from "../io/read-text.js";

/**
 * A plan's text as read: where it came from (`-` for stdin) and the name to show in
 * messages; or why it could not be read (reported in order, with the others).
 */
export type PlanText =
  | { source: string; display: string; text: string }
  | { source: string; display: string; error: UserError };

/** Where plans are read from: the working folder, and stdin for `-`. */
export interface PlanInput {
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean | undefined };
}

export function displayName(source: string): string {
  return source === "-" ? "<stdin>" : source;
}

export async function readPlanText(source: string, input: PlanInput): Promise<PlanText> {
  const display = displayName(source);
  try {
    if (source === "-") {
      if (input.stdin.isTTY)
        throw new UsageError(
          "`-` reads a plan from stdin, but stdin is a terminal",
          "Pipe a plan in: cat plan.yaml | social-audit audit -",
        );
      return { source, display, text: await readStdinText(input.stdin) };
    }
    return { source, display, text: readTextFileSync(resolve(input.cwd, source), source) };
  } catch (error) {
    if (error instanceof UserError) return { source, display, error };
    throw error;
  }
}

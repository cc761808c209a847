import type { z } from "zod";
import type { Path, Problem } from "./schema-parts.js";
import { didYouMean } from "./suggest.js";

/**
 * Rewrites zod issues into problems a person can act on: one per leaf, with the full path,
 * and unknown keys reported on the key itself with a suggestion.
 */
export function zodProblems(error: z.ZodError, prefix: Path = [], knownKeys?: (path: Path) => string[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path: Path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const hint = knownKeys ? didYouMean(key, knownKeys(path)) : "";
        problems.push({ path: [...path, key], message: `unknown field "${key}"${hint}` });
      }
    } else if (issue.code === "invalid_union" && issue.errors.length > 0 && issue.path.length > 0) {
      problems.push({ path, message: issue.message });
    } else {
      problems.push({ path, message: normaliseMessage(issue) });
    }
  }
  return problems;
}

function normaliseMessage(issue: z.core.$ZodIssue): string {
  // zod's defaults read "Invalid input: expected string, received undefined"; say "is required" instead.
  // zod only attaches `input` when parsing with reportInput, which every caller here does.
  if (issue.code === "invalid_type" && "input" in issue && issue.input === undefined) return "is required";
  return issue.message;
}

import { UserError, type Diagnostic } from "../errors.js";
import { validatePlan } from "../core/plan.js";
import { type Plan, type PlanOptions } from "../core/plan-file.js";
import type { RubricSet } from "../core/rubric.js";
import type { Path } from "../core/schema-parts.js";
import { parseYamlFast } from "./yaml-fast.js";
import { parseYaml, problemsToDiagnostics, type ParsedYaml } from "./yaml-document.js";

export interface LoadedPlan {
  plan: Plan;
  file: string;
  locate: ParsedYaml["locate"];
  /** Deprecated ids and values that still audit, located, for a line each on stderr. */
  warnings: Diagnostic[];
}

/** Parses and validates a plan's text; throws a UserError listing every problem with its place. */
export function parsePlan(
  text: string,
  file: string,
  rubrics: RubricSet,
  options: PlanOptions = {},
): LoadedPlan {
  // Ordinary, valid plans take the fast path; anything else is read again by `yaml`, whose
  // positions and messages every error report relies on.
  const fast = parseYamlFast(text);
  if (fast && fast.data !== null && typeof fast.data === "object" && !Array.isArray(fast.data)) {
    const result = validatePlan(fast.data, rubrics, options);
    if (result.ok) {
      let exact: ParsedYaml | undefined;
      const locate = (path: Path) =>
        fast.locate(path) ?? (exact ??= parseYaml(text, file)).locate(path);
      const warnings =
        result.warnings.length === 0
          ? []
          : problemsToDiagnostics(result.warnings, { file, locate }, "warning");
      return { plan: result.plan, file, locate, warnings };
    }
  }
  const parsed = parseYaml(text, file);
  if (parsed.data === null || parsed.data === undefined) {
    throw new UserError(
      `${file}: is empty`,
      [],
      "A plan needs at least `organization:` and `answers:`; `social-audit init` writes a template.",
    );
  }
  if (typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
    throw new UserError(
      `${file}: must be a YAML mapping with organization and answers, not ${Array.isArray(parsed.data) ? "a list" : "a single value"}`,
      [],
      "`social-audit init` writes a template to start from.",
    );
  }
  const result = validatePlan(parsed.data, rubrics, options);
  if (!result.ok) {
    throw new UserError(`${file}: invalid plan`, problemsToDiagnostics(result.problems, parsed));
  }
  return {
    plan: result.plan,
    file,
    locate: parsed.locate,
    warnings: problemsToDiagnostics(result.warnings, parsed, "warning"),
  };
}

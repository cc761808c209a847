import { parseDocument } from "yaml";
import { validatePlan } from "../core/plan.js";
import type { RubricSet } from "../core/rubric.js";
import { UserError } from "../errors.js";
import { parseYaml, problemsToDiagnostics } from "../io/yaml-document.js";
import { notApplicableReason } from "./optional-fields.js";
import { NOT_APPLICABLE, definedOnly, isSkipMarker } from "./plan-document.js";
import type { Draft, Entry } from "./types.js";

/**
 * Reads a plan file to continue an interview: answers, `n/a` and skip marks become entries.
 * Throws a UserError listing every problem, as `audit` would.
 */
export function readDraft(text: string, file: string, rubrics: RubricSet): Draft {
  const parsed = parseYaml(text, file);
  if (parsed.data === null || typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
    throw new UserError(
      `${file}: is not a plan (a YAML mapping with organization and answers)`,
      [],
      "Start over with --force, or pick another file with --out.",
    );
  }
  const document = parseDocument(text);
  const data = { ...(parsed.data as Record<string, unknown>) };
  const set = new Map<string, Map<string, Entry>>();
  const answers = data.answers;
  if (answers !== null && typeof answers === "object" && !Array.isArray(answers)) {
    // n/a and skip marks are the interview's own; the rest is validated as `audit` would.
    const remaining: Record<string, unknown> = {};
    for (const [dimensionId, given] of Object.entries(answers as Record<string, unknown>)) {
      const dimension = rubrics.dimensions.find((d) => d.rubric.id === dimensionId)?.rubric;
      if (!dimension || given === null || typeof given !== "object") {
        remaining[dimensionId] = given;
        continue;
      }
      const rest: Record<string, unknown> = {};
      for (const [questionId, value] of Object.entries(given as Record<string, unknown>)) {
        const question = dimension.questions.find((q) => q.id === questionId);
        const entries = set.get(dimensionId) ?? new Map<string, Entry>();
        if (question && value === NOT_APPLICABLE && notApplicableReason(question)) {
          entries.set(questionId, { type: "not-applicable" });
        } else if (
          question &&
          value === null &&
          isSkipMarker(document.getIn(["answers", dimensionId, questionId], true))
        ) {
          entries.set(questionId, { type: "skipped" });
        } else {
          rest[questionId] = value;
        }
        set.set(dimensionId, entries);
      }
      remaining[dimensionId] = rest;
    }
    data.answers = remaining;
  }
  const result = validatePlan(data, rubrics);
  if (!result.ok)
    throw new UserError(`${file}: invalid plan`, problemsToDiagnostics(result.problems, parsed));
  const { plan } = result;
  for (const [dimensionId, given] of plan.answers) {
    const entries = set.get(dimensionId) ?? new Map<string, Entry>();
    const questions = rubrics.dimensions.find((d) => d.rubric.id === dimensionId)?.rubric;
    for (const [questionId, value] of given) {
      // An answer written as { answer, evidence, asOf, by } keeps that form and what it says.
      const found = plan.meta?.get(dimensionId)?.get(questionId);
      const meta = found && { ...definedOnly(found) };
      const question = questions?.questions.find((q) => q.id === questionId);
      const notApplicable =
        value === NOT_APPLICABLE && question !== undefined && notApplicableReason(question);
      entries.set(
        questionId,
        notApplicable
          ? { type: "not-applicable", ...(meta ? { meta } : {}) }
          : { type: "answer", value, ...(meta ? { meta } : {}) },
      );
    }
    set.set(dimensionId, entries);
  }
  return {
    organization: plan.organization,
    ...(plan.respondent ? { respondent: definedOnly(plan.respondent) } : {}),
    ...(plan.date ? { date: plan.date } : {}),
    ...(plan.auditor ? { auditor: plan.auditor } : {}),
    ...(plan.profile ? { profile: plan.profile } : {}),
    entries: set,
  };
}

import * as z from "zod";
import { appliesTo } from "./applicability.js";
import { optionAliases } from "./kinds/choice.js";
import { answerSchemaFor, isScored, type Answer, type Question } from "./kinds/index.js";
import type { DimensionRubric, RubricSet } from "./rubric.js";
import { NOT_APPLICABLE, ProfileSchema, type Path, type Problem } from "./schema-parts.js";
import { didYouMean } from "./suggest.js";
import { zodProblems } from "./zod-problems.js";
import {
  AnswerObjectSchema,
  PlanFileSchema,
  PlanThresholdsSchema,
  RespondentSchema,
  type AnswerMeta,
  type PlanFile,
  type PlanOptions,
  type PlanResult,
} from "./plan-file.js";

export function isNotApplicable(q: Question, answer: unknown): boolean {
  return answer === NOT_APPLICABLE && isScored(q) && q.notApplicable !== undefined;
}

function planFieldNames(path: Path): string[] {
  if (path.length === 0) return Object.keys(PlanFileSchema.shape);
  if (path[0] === "thresholds") return Object.keys(PlanThresholdsSchema.shape);
  if (path[0] === "profile") return Object.keys(ProfileSchema.shape);
  // Only these objects of a plan are strict, so unknown keys are reported nowhere else.
  // Stryker disable next-line ConditionalExpression: respondent is the only strict object left
  if (path[0] === "respondent") return Object.keys(RespondentSchema.shape);
  // Stryker disable next-line ArrayDeclaration: unreachable, see above
  return [];
}

/**
 * A dimension's answers as one zod object, so a valid plan is checked in one pass per
 * dimension rather than one parse per question: with thousands of plans, that was most of
 * validating them. Rubrics are immutable once loaded, so it is built once per rubric.
 */
const dimensionAnswers = new WeakMap<
  DimensionRubric,
  { schema: z.ZodType<Record<string, Answer | null | undefined>>; ids: ReadonlySet<string> }
>();

function dimensionAnswersFor(rubric: DimensionRubric) {
  let found = dimensionAnswers.get(rubric);
  // Stryker disable next-line ConditionalExpression: a cache; building the schema again gives the same one
  if (!found) {
    const shape = Object.fromEntries(
      rubric.questions.map((q) => {
        const schema = answerSchemaFor(q);
        // A fast path only: where it refuses an answer, validatePlan checks it one by one.
        // Stryker disable ConditionalExpression,ArrayDeclaration: refusing "n/a" here sends it to the answer-by-answer check, which takes it
        const either =
          isScored(q) && q.notApplicable !== undefined
            ? z.union([z.literal(NOT_APPLICABLE), schema])
            : schema;
        // Stryker restore ConditionalExpression,ArrayDeclaration
        return [q.id, either.nullable().optional()];
      }),
    );
    // Stryker disable next-line ArrowFunction: with no ids known, every dimension takes the answer-by-answer check
    found = { schema: z.object(shape), ids: new Set(rubric.questions.map((q) => q.id)) };
    dimensionAnswers.set(rubric, found);
  }
  return found;
}

/**
 * The answers of a dimension when they are all known and valid; undefined when any is not.
 * Only a fast path: undefined sends the dimension to the answer-by-answer check, which gives
 * the same answers for a valid one, so returning it too often changes nothing but time.
 */
// Stryker disable BlockStatement,ConditionalExpression: see above
function validAnswers(
  rubric: DimensionRubric,
  given: Record<string, unknown>,
): Map<string, Answer> | undefined {
  const { schema, ids } = dimensionAnswersFor(rubric);
  for (const id of Object.keys(given)) if (!ids.has(id)) return undefined;
  const checked = schema.safeParse(given);
  if (!checked.success) return undefined;
  // Stryker restore BlockStatement,ConditionalExpression
  const accepted = new Map<string, Answer>();
  for (const [id, answer] of Object.entries(checked.data))
    if (answer !== null && answer !== undefined) accepted.set(id, answer);
  return accepted;
}

/** Checks a parsed plan document against the loaded rubrics; reports every problem at once. */
export function validatePlan(
  data: unknown,
  rubrics: RubricSet,
  options: PlanOptions = {},
): PlanResult {
  // Issues carry the offending input only when asked, which costs on every parse; valid plans
  // (nearly all of them) skip it, and an invalid one is parsed again to explain itself.
  let parsed = PlanFileSchema.safeParse(data);
  // Stryker disable next-line ConditionalExpression: parsing a valid plan again gives the same result
  if (!parsed.success) parsed = PlanFileSchema.safeParse(data, { reportInput: true });
  // A problem in one field must not hide those in the others: the answers are still checked.
  const problems: Problem[] = parsed.success ? [] : zodProblems(parsed.error, [], planFieldNames);
  const file = parsed.success ? parsed.data : salvage(data);
  const dimensionIds = rubrics.dimensions.map((d) => d.rubric.id);
  const unknownDimension = (id: string, path: Path) =>
    problems.push({
      path,
      message: `unknown dimension "${id}"${didYouMean(id, dimensionIds)}; known dimensions: ${dimensionIds.join(", ")}. A custom dimension needs --rubrics DIR`,
    });

  for (const id of Object.keys(file.weights ?? {}))
    if (!dimensionIds.includes(id)) unknownDimension(id, ["weights", id]);
  for (const id of Object.keys(file.thresholds?.dimensions ?? {}))
    if (!dimensionIds.includes(id)) unknownDimension(id, ["thresholds", "dimensions", id]);

  const warnings: Problem[] = [];
  /** Old choice values become current ones, each with a warning. */
  const renameValues = (question: Question, value: unknown, path: Path): unknown => {
    if (question.kind !== "choice" && question.kind !== "multi") return value;
    const aliases = optionAliases(question.kind === "choice" ? question.choices : question.options);
    // Stryker disable next-line ConditionalExpression: a shortcut; with no aliases, rename returns every value as it is
    if (aliases.size === 0) return value;
    const rename = (v: unknown, at: Path) => {
      // Stryker disable next-line ConditionalExpression: aliases are ids, so a value of another type finds none anyway
      const current = typeof v === "string" ? aliases.get(v) : undefined;
      if (current === undefined) return v;
      warnings.push({
        path: at,
        message: `deprecated value "${String(v)}": now "${current}"; rename it in the plan`,
      });
      return current;
    };
    return Array.isArray(value)
      ? value.map((v, i) => rename(v, [...path, i]))
      : rename(value, path);
  };
  const answers = new Map<string, Map<string, Answer>>();
  const meta = new Map<string, Map<string, AnswerMeta>>();
  const future = (date: string | undefined) =>
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a date is never after undefined anyway; the checks are for the types
    options.today !== undefined && date !== undefined && date > options.today;
  if (options.checkPlanDate && parsed.success && future(parsed.data.date))
    problems.push({
      path: ["date"],
      message: `is in the future (today is ${String(options.today)}); give the day the answers were collected`,
    });
  for (const [dimensionId, raw] of Object.entries(file.answers)) {
    const dimension = rubrics.dimensions.find((d) => d.rubric.id === dimensionId);
    if (!dimension) {
      unknownDimension(dimensionId, ["answers", dimensionId]);
      continue;
    }
    const split = splitAnswers(raw ?? {}, ["answers", dimensionId], problems, future);
    const given = split.values;
    if (split.meta.size > 0) meta.set(dimensionId, split.meta);
    const valid = validAnswers(dimension.rubric, given);
    // Stryker disable next-line ConditionalExpression,BlockStatement: the check below accepts a valid dimension the same way, only slower
    if (valid) {
      answers.set(dimensionId, valid);
      continue;
    }
    // Something is wrong, or old: check answer by answer, so every problem is reported in file order.
    const questionIds = dimension.rubric.questions.map((q) => q.id);
    const accepted = new Map<string, Answer>();
    const entries = Object.entries(given);
    const givenIds = new Set(entries.map(([id]) => id));
    for (const [questionId, value] of entries) {
      const path: Path = ["answers", dimensionId, questionId];
      let question = dimension.rubric.questions.find((q) => q.id === questionId);
      if (!question) {
        question = dimension.rubric.questions.find(
          (q) => isScored(q) && q.aliases?.includes(questionId),
        );
        if (question) {
          if (givenIds.has(question.id)) {
            warnings.push({
              path,
              message: `"${questionId}" is the old id of "${question.id}", which is answered too; this answer is ignored, remove it`,
            });
            continue;
          }
          warnings.push({
            path,
            message: `deprecated question id "${questionId}": now "${question.id}"; rename it in the plan`,
          });
        }
      }
      if (!question) {
        problems.push({
          path,
          message: `unknown question "${questionId}" in ${dimensionId}${didYouMean(questionId, questionIds)}; run \`social-audit rubrics show ${dimensionId}\` to list its questions`,
        });
        continue;
      }
      // An empty entry (`question:` with nothing after it) is how a template leaves a question open.
      if (value === null) continue;
      if (value === NOT_APPLICABLE && question.kind !== "text") {
        if (isNotApplicable(question, value)) accepted.set(question.id, NOT_APPLICABLE);
        else
          problems.push({
            path,
            message: `"${NOT_APPLICABLE}" is not accepted here: the rubric gives no reason this question could not apply, so it applies to every organisation ("${question.prompt}"). Answer it, or leave it empty to report it unanswered`,
          });
        continue;
      }
      // Stryker disable next-line ObjectLiteral: every kind words its own errors, so zod's input is never read
      const checked = answerSchemaFor(question).safeParse(renameValues(question, value, path), {
        // Stryker disable next-line BooleanLiteral: as above
        reportInput: true,
      });
      if (checked.success) accepted.set(question.id, checked.data);
      else problems.push(...zodProblems(checked.error, path));
    }
    answers.set(dimensionId, accepted);
  }

  if (options.strict) {
    for (const { rubric } of rubrics.dimensions) {
      for (const question of rubric.questions.filter(isScored)) {
        if (!appliesTo(question, file.profile)) continue;
        if (!answers.get(rubric.id)?.has(question.id)) {
          problems.push({
            path: ["answers", rubric.id, question.id],
            message: `unanswered (--strict requires every scored question): ${question.prompt}`,
          });
        }
      }
    }
  }

  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const valid = parsed.data;
  return {
    ok: true,
    plan: {
      organization: valid.organization,
      date: valid.date,
      auditor: valid.auditor,
      notes: valid.notes,
      profile: valid.profile,
      thresholds: valid.thresholds,
      weights: valid.weights,
      answers,
      ...(valid.respondent ? { respondent: valid.respondent } : {}),
      ...(meta.size > 0 ? { meta } : {}),
    },
    warnings,
  };
}

/**
 * A dimension's answers with each object answer (`{ answer, evidence, asOf, by }`) replaced by
 * its value, so every kind still checks a plain value; what else it says goes to `meta`.
 * A dimension of plain answers is returned as it is.
 */
function splitAnswers(
  given: Record<string, unknown>,
  at: Path,
  problems: Problem[],
  future: (date: string | undefined) => boolean,
): { values: Record<string, unknown>; meta: Map<string, AnswerMeta> } {
  const meta = new Map<string, AnswerMeta>();
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === "object" && !Array.isArray(v);
  // Stryker disable next-line ConditionalExpression: a shortcut; the loop below copies plain answers as they are
  if (!Object.values(given).some(isObject)) return { values: given, meta };
  const values: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(given)) {
    if (!isObject(value)) {
      values[id] = value;
      continue;
    }
    const path: Path = [...at, id];
    const checked = AnswerObjectSchema.safeParse(value, { reportInput: true });
    if (!checked.success) {
      problems.push(
        ...zodProblems(checked.error, path, () => Object.keys(AnswerObjectSchema.shape)),
      );
      continue;
    }
    const { answer, evidence, asOf, by } = checked.data;
    if (future(asOf)) {
      problems.push({
        path: [...path, "asOf"],
        message: "is in the future; give the day the answer was last checked",
      });
      continue;
    }
    values[id] = answer;
    meta.set(id, { evidence, asOf, by });
  }
  return { values, meta };
}

/**
 * The parts of an invalid plan that can still be checked against the rubrics: weights,
 * thresholds and each dimension's answers that have the right shape (zod has reported the rest).
 */
function salvage(data: unknown): Pick<PlanFile, "answers" | "weights" | "thresholds" | "profile"> {
  const record = (value: unknown): Record<string, unknown> | undefined =>
    // Stryker disable next-line ConditionalExpression: null passed on is read as {} or, for a dimension, checked before
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  const fields = record(data) ?? {};
  // fromEntries defines own properties, so even a "__proto__" id stays a plain entry.
  const answers: PlanFile["answers"] = Object.fromEntries(
    Object.entries(record(fields.answers) ?? {}).flatMap(([id, given]) => {
      const entries = given === null ? null : record(given);
      return entries === undefined ? [] : [[id, entries] as const];
    }),
  );
  const weights = PlanFileSchema.shape.weights.safeParse(fields.weights);
  const thresholds = PlanFileSchema.shape.thresholds.safeParse(fields.thresholds);
  const profile = PlanFileSchema.shape.profile.safeParse(fields.profile);
  return {
    answers,
    profile: profile.success ? profile.data : undefined,
    weights: weights.success ? weights.data : undefined,
    thresholds: thresholds.success ? thresholds.data : undefined,
  };
}

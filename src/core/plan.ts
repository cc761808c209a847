import * as z from "zod";
import { answerSchemaFor, isScored, type Answer } from "./kinds/index.js";
import type { DimensionRubric, RubricSet } from "./rubric.js";
import { IdSchema, TextSchema, WeightSchema, type Path, type Problem } from "./schema-parts.js";
import { didYouMean } from "./suggest.js";
import { zodProblems } from "./zod-problems.js";

export const ScoreThresholdSchema = z
  .number({ error: "must be a score from 0 to 100" })
  .min(0, { error: "must be a score from 0 to 100" })
  .max(100, { error: "must be a score from 0 to 100" });

export const PlanThresholdsSchema = z.strictObject({
  overall: ScoreThresholdSchema.optional(),
  dimensions: z.record(IdSchema, ScoreThresholdSchema).optional(),
});
export type PlanThresholds = z.infer<typeof PlanThresholdsSchema>;

export const PROFILE_SIZES = ["solo", "micro", "small", "medium", "large"] as const;
export const PROFILE_AUDIENCES = ["b2c", "b2b", "nonprofit", "public-sector"] as const;

/** Who the organisation is, so questions that cannot apply to it can be set aside. */
export const ProfileSchema = z.strictObject({
  size: z.enum(PROFILE_SIZES).optional(),
  sector: TextSchema(200).optional(),
  regulated: z.boolean().optional(),
  audience: z.enum(PROFILE_AUDIENCES).optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** The shape of a plan file before its answers are checked against the loaded rubrics. */
export const PlanFileSchema = z.strictObject({
  organization: TextSchema(200),
  // A real calendar date and nothing after it: the field is printed in every report.
  date: z.iso.date({ error: "must be a date such as 2026-11-23" }).optional(),
  auditor: TextSchema(200).optional(),
  notes: TextSchema(10_000).optional(),
  profile: ProfileSchema.optional(),
  thresholds: PlanThresholdsSchema.optional(),
  weights: z.record(IdSchema, WeightSchema).optional(),
  answers: z
    .record(z.string(), z.record(z.string(), z.unknown()).nullable(), {
      error: "must be a mapping of dimension ids to their answers",
    })
    .default({}),
});
export type PlanFile = z.infer<typeof PlanFileSchema>;

/** Answers by dimension id, then question id. Maps, because ids like "constructor" are valid. */
export type AnswerMap = ReadonlyMap<string, ReadonlyMap<string, Answer>>;

export interface Plan {
  organization: string;
  date?: string | undefined;
  auditor?: string | undefined;
  notes?: string | undefined;
  profile?: Profile | undefined;
  thresholds?: PlanThresholds | undefined;
  weights?: Readonly<Record<string, number>> | undefined;
  answers: AnswerMap;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; problems: Problem[] };

export interface PlanOptions {
  /** Treat every unanswered scored question as an error, for teams that want complete plans. */
  strict?: boolean;
}

function planFieldNames(path: Path): string[] {
  if (path.length === 0) return Object.keys(PlanFileSchema.shape);
  if (path[0] === "thresholds") return Object.keys(PlanThresholdsSchema.shape);
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
  if (!found) {
    const shape = Object.fromEntries(
      rubric.questions.map((q) => [q.id, answerSchemaFor(q).nullable().optional()]),
    );
    found = { schema: z.object(shape), ids: new Set(rubric.questions.map((q) => q.id)) };
    dimensionAnswers.set(rubric, found);
  }
  return found;
}

/** The answers of a dimension when they are all known and valid; undefined when any is not. */
function validAnswers(
  rubric: DimensionRubric,
  given: Record<string, unknown>,
): Map<string, Answer> | undefined {
  const { schema, ids } = dimensionAnswersFor(rubric);
  for (const id of Object.keys(given)) if (!ids.has(id)) return undefined;
  const checked = schema.safeParse(given);
  if (!checked.success) return undefined;
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

  const answers = new Map<string, Map<string, Answer>>();
  for (const [dimensionId, given] of Object.entries(file.answers)) {
    const dimension = rubrics.dimensions.find((d) => d.rubric.id === dimensionId);
    if (!dimension) {
      unknownDimension(dimensionId, ["answers", dimensionId]);
      continue;
    }
    const valid = validAnswers(dimension.rubric, given ?? {});
    if (valid) {
      answers.set(dimensionId, valid);
      continue;
    }
    // Something is wrong: check answer by answer, so every problem is reported in file order.
    const questionIds = dimension.rubric.questions.map((q) => q.id);
    const accepted = new Map<string, Answer>();
    for (const [questionId, value] of Object.entries(given ?? {})) {
      const path: Path = ["answers", dimensionId, questionId];
      const question = dimension.rubric.questions.find((q) => q.id === questionId);
      if (!question) {
        problems.push({
          path,
          message: `unknown question "${questionId}" in ${dimensionId}${didYouMean(questionId, questionIds)}; run \`social-audit rubrics show ${dimensionId}\` to list its questions`,
        });
        continue;
      }
      // An empty entry (`question:` with nothing after it) is how a template leaves a question open.
      if (value === null) continue;
      const checked = answerSchemaFor(question).safeParse(value, { reportInput: true });
      if (checked.success) accepted.set(questionId, checked.data);
      else problems.push(...zodProblems(checked.error, path));
    }
    answers.set(dimensionId, accepted);
  }

  if (options.strict) {
    for (const { rubric } of rubrics.dimensions) {
      for (const question of rubric.questions.filter(isScored)) {
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
    },
  };
}

/**
 * The parts of an invalid plan that can still be checked against the rubrics: weights,
 * thresholds and each dimension's answers that have the right shape (zod has reported the rest).
 */
function salvage(data: unknown): Pick<PlanFile, "answers" | "weights" | "thresholds"> {
  const record = (value: unknown): Record<string, unknown> | undefined =>
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
  return {
    answers,
    weights: weights.success ? weights.data : undefined,
    thresholds: thresholds.success ? thresholds.data : undefined,
  };
}

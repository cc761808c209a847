import * as z from "zod";
import { QuestionSchema, isScored, type Question, type ScoredQuestion } from "./kinds/index.js";
import { IdSchema, TextSchema, WeightSchema, type Path, type Problem } from "./schema-parts.js";

export const DimensionRubricSchema = z.lazy(() =>
  z
    .strictObject({
      id: IdSchema,
      version: z
        .string({ error: 'must be a version string such as "1.0.0"' })
        .regex(/^\d+\.\d+\.\d+$/, {
          error: 'must be a version such as "1.0.0" (major.minor.patch)',
        }),
      title: TextSchema(80),
      description: TextSchema(2000),
      existing: TextSchema(1000),
      living: TextSchema(1000),
      weight: WeightSchema,
      /** Position among dimensions in reports; ties fall back to file name. */
      order: z.number().optional(),
      questions: z.array(QuestionSchema).min(1, { error: "needs at least one question" }),
    })
    .superRefine((rubric, ctx) => {
      const seen = new Map<string, number>();
      rubric.questions.forEach((q, i) => {
        const first = seen.get(q.id);
        if (first !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["questions", i, "id"],
            message: `duplicate question id "${q.id}" (first used by question ${first + 1})`,
          });
        } else {
          seen.set(q.id, i);
        }
      });
      // An old id must lead to exactly one question, and never shadow a current one.
      const aliases = new Map<string, string>();
      rubric.questions.forEach((q, i) => {
        // Stryker disable next-line ConditionalExpression: a text question has no aliases (its schema is strict), so going on finds nothing either; the check narrows the type
        if (!isScored(q)) return;
        q.aliases?.forEach((alias, j) => {
          const clash = seen.has(alias) ? `question "${alias}"` : aliases.get(alias);
          if (clash !== undefined)
            ctx.addIssue({
              code: "custom",
              path: ["questions", i, "aliases", j],
              message: `alias "${alias}" is already ${seen.has(alias) ? `the id of ${clash}` : `an alias of "${clash}"`}`,
            });
          else aliases.set(alias, q.id);
        });
      });
      if (!rubric.questions.some(isScored)) {
        ctx.addIssue({
          code: "custom",
          path: ["questions"],
          message: "needs at least one scored question (all are text)",
        });
      }
    }),
);
export type DimensionRubric = z.infer<typeof DimensionRubricSchema>;

export const LevelSchema = z.lazy(() =>
  z.strictObject({
    id: IdSchema,
    label: TextSchema(40),
    from: z.number({ error: "must be a number from 0 to 100" }).min(0).max(100),
    to: z.number({ error: "must be a number from 0 to 100" }).min(0).max(100),
    summary: TextSchema(500),
  }),
);
export type Level = z.infer<typeof LevelSchema>;

/**
 * Levels tile 0..100: each covers from <= score < to, and the last includes 100, so every
 * score has exactly one level.
 */
export const LevelsFileSchema = z.lazy(() =>
  z
    .strictObject({
      levels: z
        .array(LevelSchema)
        .min(2, { error: "needs at least two levels (existing and living)" }),
    })
    .superRefine(({ levels }, ctx) => {
      const seen = new Set<string>();
      levels.forEach((level, i) => {
        if (seen.has(level.id))
          ctx.addIssue({
            code: "custom",
            path: ["levels", i, "id"],
            message: `duplicate level id "${level.id}"`,
          });
        seen.add(level.id);
        if (level.to <= level.from)
          ctx.addIssue({
            code: "custom",
            path: ["levels", i, "to"],
            message: `must be greater than from (${level.from})`,
          });
        const prev = levels[i - 1];
        if (i === 0 && level.from !== 0) {
          ctx.addIssue({
            code: "custom",
            path: ["levels", 0, "from"],
            message: "the first level must start at 0",
          });
        }
        if (prev && level.from > prev.to) {
          ctx.addIssue({
            code: "custom",
            path: ["levels", i, "from"],
            message: `gap: "${prev.id}" ends at ${prev.to} but "${level.id}" starts at ${level.from}`,
          });
        }
        if (prev && level.from < prev.to) {
          ctx.addIssue({
            code: "custom",
            path: ["levels", i, "from"],
            message: `overlap: "${prev.id}" ends at ${prev.to} but "${level.id}" starts at ${level.from}`,
          });
        }
      });
      const last = levels[levels.length - 1];
      if (last && last.to !== 100)
        ctx.addIssue({
          code: "custom",
          path: ["levels", levels.length - 1, "to"],
          message: "the last level must end at 100",
        });
    }),
);
export type LevelsFile = z.infer<typeof LevelsFileSchema>;

/** Where a dimension came from, so reports and `rubrics list` can say so. */
export interface RubricOrigin {
  file: string;
  builtin: boolean;
  /** Content hash of the rubric file, recorded in reports so re-scoring can be checked. */
  hash: string;
}

export interface LoadedDimension {
  rubric: DimensionRubric;
  origin: RubricOrigin;
  /** Set when a later rubric directory replaced a dimension with the same id. */
  overrides?: RubricOrigin;
}

export interface RubricSet {
  dimensions: LoadedDimension[];
  levels: Level[];
  levelsOrigin: RubricOrigin;
}

/** Later sources override earlier ones by dimension id; within a source, `order` then file name decide. */
export function mergeDimensions(sources: readonly LoadedDimension[][]): LoadedDimension[] {
  const merged = new Map<string, LoadedDimension>();
  for (const source of sources) {
    const sorted = [...source].sort(
      (a, b) =>
        (a.rubric.order ?? Infinity) - (b.rubric.order ?? Infinity) ||
        a.origin.file.localeCompare(b.origin.file),
    );
    for (const dimension of sorted) {
      const existing = merged.get(dimension.rubric.id);
      merged.set(
        dimension.rubric.id,
        existing ? { ...dimension, overrides: existing.origin } : dimension,
      );
    }
  }
  return [...merged.values()];
}

export function levelFor(levels: readonly Level[], score: number): Level {
  const found = levels.find((l) => score >= l.from && score < l.to) ?? levels[levels.length - 1];
  if (!found) throw new Error("levels must not be empty");
  return found;
}

export function nextLevel(levels: readonly Level[], current: Level): Level | undefined {
  const index = levels.findIndex((l) => l.id === current.id);
  return index >= 0 ? levels[index + 1] : undefined;
}

export function scoredQuestions(rubric: DimensionRubric): ScoredQuestion[] {
  return rubric.questions.filter(isScored);
}

export function findQuestion(
  set: RubricSet,
  dimensionId: string,
  questionId: string,
): Question | undefined {
  return set.dimensions
    .find((d) => d.rubric.id === dimensionId)
    ?.rubric.questions.find((q) => q.id === questionId);
}

/** Every critical marker's level id and where it is, so it can be checked against levels.yaml. */
export function capReferences(rubric: DimensionRubric): { level: string; path: Path }[] {
  const refs: { level: string; path: Path }[] = [];
  rubric.questions.forEach((q, i) => {
    if (q.kind === "choice")
      q.choices.forEach((c, j) => {
        if (c.critical)
          refs.push({
            level: c.critical.cap,
            path: ["questions", i, "choices", j, "critical", "cap"],
          });
      });
    if (q.kind === "number")
      q.bands.forEach((b, j) => {
        if (b.critical)
          refs.push({
            level: b.critical.cap,
            path: ["questions", i, "bands", j, "critical", "cap"],
          });
      });
  });
  return refs;
}

/**
 * What a schema cannot say but an author wants to know. Smells that still score are
 * warnings; findings that would make advice wrong (a rung with nowhere to go, a critical
 * marker where it means nothing) are errors, and refuse the file like a schema error.
 */
export function lintRubric(rubric: DimensionRubric): Problem[] {
  const problems: Problem[] = [];
  rubric.questions.forEach((q, i) => {
    if (q.kind === "choice") {
      const best = Math.max(...q.choices.map((c) => c.score));
      q.choices.forEach((c, j) => {
        if (c.score < 1 && c.score >= best)
          problems.push({
            path: ["questions", i, "choices", j, "score"],
            message: `"${c.value}" scores ${c.score}, below full marks, but no choice scores higher, so its advice has no next step to aim at`,
            severity: "error",
          });
        if (c.score >= 1 && c.advice)
          problems.push({
            path: ["questions", i, "choices", j, "advice"],
            message: `"${c.value}" already has full marks, so its advice is never shown`,
          });
      });
    }
    if (q.kind === "multi")
      q.options.forEach((o, j) => {
        if (o.critical)
          problems.push({
            path: ["questions", i, "options", j, "critical"],
            message:
              "critical is for choices and number bands (an answer someone is at); a multi option is a practice to add. Use a choice question for a critical answer",
            severity: "error",
          });
      });
    if (q.kind === "number") {
      // A band scores at most 1, so one scoring 1 is the best there is.
      q.bands.forEach((b, j) => {
        if (b.advice && b.score >= 1)
          problems.push({
            path: ["questions", i, "bands", j, "advice"],
            message: "this band already has full marks, so its advice is never shown",
          });
      });
    }
    if (q.kind === "boolean" && q.advice) {
      const living = q.scores.yes >= q.scores.no ? "true" : "false";
      if (q.advice[living])
        problems.push({
          path: ["questions", i, "advice", living],
          message: `${living} is the living answer, so this advice is never shown`,
        });
    }
    // Choices are rungs of one ladder, so their order should read from existing to living;
    // multi options are independent practices and may come in any order.
    if (q.kind === "choice") {
      q.choices.forEach((current, j) => {
        const prev = q.choices[j - 1];
        if (prev && current.score < prev.score) {
          problems.push({
            path: ["questions", i, "choices", j, "score"],
            message: `choices should be ordered from existing to living (lowest to highest score): "${current.value}" scores ${current.score}, below "${prev.value}" (${prev.score})`,
          });
        }
      });
      if (!q.choices.some((o) => o.score === 1)) {
        problems.push({
          path: ["questions", i, "choices"],
          message: "no choice scores 1, so this question can never reach living",
        });
      }
    }
    if (q.kind === "multi") {
      const total = q.options.reduce((sum, o) => sum + o.score, 0);
      // Without a cap, the options' total is the cap.
      const cap = q.cap ?? total;
      if (cap > total) {
        problems.push({
          path: ["questions", i, "cap"],
          message: `cap ${cap} is more than all options together (${total}), so this question can never reach living`,
        });
      }
    }
    if (q.kind === "number" && !q.bands.some((b) => b.score === 1)) {
      problems.push({
        path: ["questions", i, "bands"],
        message: "no band scores 1, so this question can never reach living",
      });
    }
  });
  return problems;
}

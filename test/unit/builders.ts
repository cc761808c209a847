import type { Answer } from "../../src/core/kinds/index.js";
import type { AnswerMeta, Plan } from "../../src/core/plan-file.js";
import {
  DimensionRubricSchema,
  type DimensionRubric,
  type Level,
  type RubricSet,
} from "../../src/core/rubric.js";

/*
 * Small hand-made rubrics and plans for the core's unit tests, whose numbers can be worked
 * out by hand. The shipped rubrics are too rich for that: one rule's effect is usually
 * hidden behind another's.
 */

export const LEVELS: Level[] = [
  { id: "existing", label: "Existing", from: 0, to: 40, summary: "." },
  { id: "emerging", label: "Emerging", from: 40, to: 70, summary: "." },
  { id: "living", label: "Living", from: 70, to: 100, summary: "." },
];

/** A choice question scoring 0, 0.5 and 1 (none, some, all). */
export function choice(
  id: string,
  weight: number,
  effort = "low",
  extra: { critical?: string; advice?: boolean; evidence?: boolean } = {},
) {
  return {
    id,
    kind: "choice",
    weight,
    prompt: `${id}?`,
    help: "Why it matters.",
    choices: [
      {
        value: "none",
        label: "None",
        score: 0,
        ...(extra.advice ? { advice: `Advice for ${id} at none.` } : {}),
        // "none" is critical, capping the dimension at the level named.
        ...(extra.critical ? { critical: { cap: extra.critical, why: "Nobody is home." } } : {}),
      },
      { value: "some", label: "Some", score: 0.5 },
      { value: "all", label: "All", score: 1, ...(extra.evidence ? { needsEvidence: true } : {}) },
    ],
    recommendation: { title: `Act on ${id}`, detail: "The question's detail.", effort },
  };
}

export const text = (id: string) => ({ id, kind: "text", prompt: `${id}?`, help: "Context." });

export function rubric(id: string, questions: unknown[], weight = 1): DimensionRubric {
  return DimensionRubricSchema.parse({
    id,
    version: "1.0.0",
    title: `Title of ${id}`,
    description: "A dimension.",
    existing: "Exists.",
    living: "Lives.",
    weight,
    questions,
  });
}

export function rubricSet(...dimensions: DimensionRubric[]): RubricSet {
  const origin = (id: string) => ({
    file: `rubrics/${id}.yaml`,
    builtin: id.startsWith("b"),
    hash: `hash-of-${id}`,
  });
  return {
    dimensions: dimensions.map((r) => ({ rubric: r, origin: origin(r.id) })),
    levels: LEVELS,
    levelsOrigin: origin("levels"),
  };
}

/** A plan: answers by dimension then question, and optional meta (evidence, asOf) the same way. */
export function plan(
  answers: Record<string, Record<string, Answer>>,
  extra: Partial<Omit<Plan, "answers" | "meta">> & {
    meta?: Record<string, Record<string, AnswerMeta>>;
  } = {},
): Plan {
  const { meta, ...rest } = extra;
  const toMaps = <T>(o: Record<string, Record<string, T>>) =>
    new Map(Object.entries(o).map(([d, qs]) => [d, new Map(Object.entries(qs))]));
  return {
    organization: "Acme",
    ...rest,
    answers: toMaps(answers),
    ...(meta ? { meta: toMaps(meta) } : {}),
  };
}

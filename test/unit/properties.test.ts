import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  answerSchemaFor,
  isScored,
  scoreAnswer,
  type Answer,
  type Question,
} from "../../src/core/kinds/index.js";
import { buildReport } from "../../src/core/report.js";
import type { RubricSet } from "../../src/core/rubric.js";
import { UserError } from "../../src/errors.js";
import { parsePlan } from "../../src/io/load-plan.js";
import { builtinRubrics } from "../helpers.js";

/** An arbitrary valid answer for a question, drawn from what its kind allows. */
function answerArbitrary(q: Question): fc.Arbitrary<Answer> {
  switch (q.kind) {
    case "choice":
      return fc.constantFrom(...q.choices.map((c) => c.value));
    case "multi":
      return fc.subarray(q.options.map((o) => o.value));
    case "boolean":
      return fc.boolean();
    case "scale":
      return fc.integer({ min: q.min, max: q.max });
    case "number":
      return fc.double({ min: q.min, max: q.max, noNaN: true });
    case "text":
      return fc.string({ maxLength: 50 });
  }
}

function planArbitrary(rubrics: RubricSet) {
  const entries = rubrics.dimensions.flatMap(({ rubric }) =>
    rubric.questions.map((q) =>
      fc.option(answerArbitrary(q), { nil: undefined }).map((a) => [rubric.id, q.id, a] as const),
    ),
  );
  return fc.tuple(...entries).map((list) => {
    const answers = new Map<string, Map<string, Answer>>();
    for (const [d, q, a] of list) {
      if (!answers.has(d)) answers.set(d, new Map());
      if (a !== undefined) answers.get(d)?.set(q, a);
    }
    return { organization: "Prop", answers };
  });
}

describe("scoring properties", () => {
  it("every valid plan scores within 0..100 with a level for each dimension", async () => {
    const rubrics = await builtinRubrics();
    fc.assert(
      fc.property(planArbitrary(rubrics), (plan) => {
        const report = buildReport({ rubrics, plan, toolVersion: "p" });
        expect(report.overall.score).toBeGreaterThanOrEqual(0);
        expect(report.overall.score).toBeLessThanOrEqual(100);
        for (const d of report.dimensions) {
          expect(d.score).toBeGreaterThanOrEqual(0);
          expect(d.score).toBeLessThanOrEqual(100);
          expect(report.levels.some((l) => l.id === d.level.id)).toBe(true);
        }
        // Completing the named path (each step's question to full marks) must reach the next
        // level. Recommendation gains now stop at the next better answer, so the path is
        // measured by what each question can still add.
        for (const d of report.dimensions) {
          if (!d.nextLevel) continue;
          const applicable = d.questions.filter((q) => q.score !== null);
          const total = applicable.reduce((s, q) => s + q.weight, 0);
          const gain = d.nextLevel.steps.reduce((s, id) => {
            const q = applicable.find((x) => x.id === id);
            return s + (q ? (100 * q.weight * (1 - (q.score ?? 0))) / total : 0);
          }, 0);
          // The score is reported rounded to 0.1, so allow half a tenth.
          expect(gain).toBeGreaterThanOrEqual(d.nextLevel.pointsNeeded - 0.05);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("answering a question fully never lowers a score", async () => {
    const rubrics = await builtinRubrics();
    const questions = rubrics.dimensions.flatMap(({ rubric }) =>
      rubric.questions.filter(isScored).map((q) => [rubric.id, q] as const),
    );
    fc.assert(
      fc.property(planArbitrary(rubrics), fc.nat({ max: questions.length - 1 }), (plan, index) => {
        const [dimensionId, q] = questions[index] ?? questions[0]!;
        const before = buildReport({ rubrics, plan, toolVersion: "p" });
        const best = bestAnswer(q);
        const answers = new Map([...plan.answers].map(([d, a]) => [d, new Map(a)]));
        if (!answers.has(dimensionId)) answers.set(dimensionId, new Map());
        answers.get(dimensionId)?.set(q.id, best);
        const after = buildReport({ rubrics, plan: { ...plan, answers }, toolVersion: "p" });
        expect(after.overall.score).toBeGreaterThanOrEqual(before.overall.score);
        expect(scoreAnswer(q, best)).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  it("every value an answer schema accepts scores within 0..1", async () => {
    const rubrics = await builtinRubrics();
    for (const { rubric } of rubrics.dimensions) {
      for (const q of rubric.questions.filter(isScored)) {
        fc.assert(
          fc.property(fc.oneof(answerArbitrary(q), fc.anything()), (value) => {
            const parsed = answerSchemaFor(q).safeParse(value);
            if (!parsed.success) return;
            const score = scoreAnswer(q, parsed.data);
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(1);
          }),
          { numRuns: 40 },
        );
      }
    }
  });
});

function bestAnswer(q: Exclude<Question, { kind: "text" }>): Answer {
  switch (q.kind) {
    case "choice":
      return [...q.choices].sort((a, b) => b.score - a.score)[0]?.value ?? "";
    case "multi":
      return q.options.map((o) => o.value);
    case "boolean":
      return q.scores.yes >= q.scores.no;
    case "scale":
      return q.max;
    case "number":
      return [...q.bands].sort((a, b) => b.score - a.score)[0]?.from ?? q.min;
  }
}

describe("parser properties", () => {
  it("the plan loader returns a plan or a UserError for any text, never anything else", async () => {
    const rubrics = await builtinRubrics();
    const yamlish = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constantFrom(
        "a: &x [1]\nb: *x\n",
        "organization: x\nanswers: {planning: {audience-first: [1, {a: b}]}}",
        "? [a]\n: b\n",
        "!!binary aGk=",
        "organization: !!js/function 'x'\n",
      ),
    );
    fc.assert(
      fc.property(yamlish, (text) => {
        try {
          parsePlan(text, "prop.yaml", rubrics);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 400 },
    );
  });
});

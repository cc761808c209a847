import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/kinds/index.js";
import {
  DISAGREEMENT_SPREAD,
  mergePlans,
  otherOrganizations,
  withRespondents,
  type RespondentPlan,
} from "../../src/core/merge.js";
import type { AnswerMeta, Plan } from "../../src/core/plan-file.js";
import { buildReport } from "../../src/core/report.js";
import { choice, plan, rubric, rubricSet, text } from "./builders.js";

/*
 * `audit --merge` on a small hand-made rubric, one rule of merge.ts's header at a time: the
 * median answer (the lower middle for an even count), evidence and then the first
 * respondent breaking ties, "n/a" only when everyone says so, the 0.5 spread of a
 * disagreement, a dimension's confidence, and what each respondent said.
 */

/** A choice question whose values name their score in hundredths; s50a and s50b tie. */
const fine = {
  id: "f",
  kind: "choice",
  weight: 1,
  prompt: "f?",
  help: "Fine-grained.",
  choices: [
    { value: "s0", label: "Zero", score: 0 },
    { value: "s20", label: "Twenty", score: 0.2 },
    { value: "s21", label: "Twenty-one", score: 0.21 },
    { value: "s50a", label: "Half, one way", score: 0.5 },
    { value: "s50b", label: "Half, another way", score: 0.5 },
    { value: "s70", label: "Seventy", score: 0.7 },
    { value: "s100", label: "Hundred", score: 1 },
    { value: "edge", label: "Just under half", score: DISAGREEMENT_SPREAD - 1e-9 },
    { value: "below", label: "Under the edge", score: DISAGREEMENT_SPREAD - 2e-9 },
  ],
  recommendation: { title: "Act on f", detail: "The question's detail.", effort: "low" },
};

const D = rubric("d", [
  choice("a", 1),
  choice("b", 1),
  fine,
  { ...choice("n", 1), notApplicable: "We have no shop." },
  { ...choice("big", 1), appliesWhen: { size: ["large"] } },
  text("t"),
]);
const E = rubric("e", [choice("x", 1), text("note")]);
const RUBRICS = rubricSet(D, E);

type Answers = Record<string, Record<string, Answer>>;

function respondent(
  name: string | undefined,
  answers: Answers,
  extra: Partial<Omit<Plan, "answers" | "meta">> & {
    meta?: Record<string, Record<string, AnswerMeta>>;
  } = {},
): RespondentPlan {
  return {
    plan: plan(answers, { ...(name ? { respondent: { name } } : {}), ...extra }),
    source: name ? `${name.toLowerCase()}.yaml` : null,
    fallbackName: `fallback for ${name ?? "stdin"}`,
  };
}

/** Merge one question's answers, one respondent each (undefined: that one did not answer). */
function mergeOne(dimension: string, question: string, answers: (Answer | undefined)[]) {
  return mergePlans(
    RUBRICS,
    answers.map((a, i) =>
      respondent(`R${i}`, a === undefined ? {} : { [dimension]: { [question]: a } }),
    ),
  );
}

const combined = (merged: ReturnType<typeof mergePlans>, d: string, q: string) =>
  merged.plan.answers.get(d)?.get(q);

describe("otherOrganizations", () => {
  it("lists the plans whose organisation is not the first plan's", () => {
    const acme = respondent("Ana", {});
    const other = respondent("Ben", {}, { organization: "Other" });
    expect(otherOrganizations([acme, other, respondent("Cy", {})])).toEqual([other]);
    expect(otherOrganizations([acme, respondent("Cy", {})])).toEqual([]);
    expect(otherOrganizations([])).toEqual([]);
  });
});

describe("mergePlans: respondents", () => {
  it("refuses an empty list of plans", () => {
    expect(() => mergePlans(RUBRICS, [])).toThrow(
      new RangeError("mergePlans needs at least one plan"),
    );
    expect(() => mergePlans(RUBRICS, [])).toThrow(RangeError);
  });

  it("names each respondent by the plan's respondent, else the fallback, with role and source", () => {
    const merged = mergePlans(RUBRICS, [
      respondent("Ana", {}, { respondent: { name: "Ana", role: "Comms lead" } }),
      respondent(undefined, {}),
    ]);
    expect(merged.respondents).toEqual([
      { name: "Ana", role: "Comms lead", source: "ana.yaml" },
      { name: "fallback for stdin", role: null, source: null },
    ]);
  });

  it("records what each respondent said to every question, in plan order", () => {
    const merged = mergePlans(RUBRICS, [
      respondent("Ana", { d: { a: "some", n: "n/a", big: "all", t: "We post daily." } }),
      respondent("Ben", { d: { a: "all" }, e: { x: "none" } }),
    ]);
    const d = merged.answers.get("d");
    expect([...(d?.keys() ?? [])]).toEqual(["a", "b", "f", "n", "big", "t"]);
    expect(d?.get("a")).toEqual([
      { name: "Ana", answer: "some", answerText: "Some", score: 0.5 },
      { name: "Ben", answer: "all", answerText: "All", score: 1 },
    ]);
    // Ben said nothing: no answer, no text and no score (not the 0 an unanswered question scores).
    expect(d?.get("b")).toEqual([
      { name: "Ana", answer: null, answerText: null, score: null },
      { name: "Ben", answer: null, answerText: null, score: null },
    ]);
    expect(d?.get("n")?.[0]).toEqual({
      name: "Ana",
      answer: "n/a",
      answerText: "n/a",
      score: null,
    });
    // A question the organisation's profile rules out keeps the answer but has no text or score.
    const outOfScope = mergePlans(RUBRICS, [
      respondent("Ana", { d: { big: "all" } }, { profile: { size: "small" } }),
    ]);
    expect(outOfScope.answers.get("d")?.get("big")).toEqual([
      { name: "Ana", answer: "all", answerText: null, score: null },
    ]);
    expect(d?.get("big")?.[0]).toEqual({ name: "Ana", answer: "all", answerText: "All", score: 1 });
    expect(d?.get("t")).toEqual([
      { name: "Ana", answer: "We post daily.", answerText: "We post daily.", score: null },
      { name: "Ben", answer: null, answerText: null, score: null },
    ]);
    expect(merged.answers.get("e")?.get("x")).toEqual([
      { name: "Ana", answer: null, answerText: null, score: null },
      { name: "Ben", answer: "none", answerText: "None", score: 0 },
    ]);
  });
});

describe("mergePlans: the combined answer", () => {
  it.each<[string, string, (Answer | undefined)[], Answer]>([
    ["a single answer is taken", "f", ["s70"], "s70"],
    ["two answers: the lower", "f", ["s100", "s0"], "s0"],
    ["three answers: the median", "f", ["s100", "s0", "s70"], "s70"],
    ["four answers: the lower of the two middle ones", "f", ["s100", "s70", "s0", "s20"], "s20"],
    ["a majority at the top", "f", ["s100", "s0", "s100"], "s100"],
    ["a silent respondent is left out", "f", ["s100", undefined, "s70"], "s70"],
    ["an n/a among answers is set aside", "n", [undefined, "n/a", "all"], "all"],
    ["an n/a is not the lowest answer", "n", ["some", "n/a", "all"], "some"],
  ])("%s", (_, q, answers, expected) => {
    expect(combined(mergeOne("d", q, answers), "d", q)).toBe(expected);
  });

  it("n/a only when everyone who answered says so, with that respondent's meta", () => {
    const merged = mergePlans(RUBRICS, [
      respondent("Ana", {}),
      respondent("Ben", { d: { n: "n/a" } }, { meta: { d: { n: { by: "Ben" } } } }),
      respondent("Cy", { d: { n: "n/a" } }, { meta: { d: { n: { by: "Cy" } } } }),
    ]);
    expect(combined(merged, "d", "n")).toBe("n/a");
    expect(merged.plan.meta?.get("d")?.get("n")).toEqual({ by: "Ben" });
    expect(merged.confidence.d).toBe(0);
    expect(merged.disagreements).toEqual([]);
  });

  it("leaves a question nobody answered unanswered, and drops answers the profile rules out", () => {
    const merged = mergePlans(RUBRICS, [
      respondent("Ana", { d: { big: "all" } }, { profile: { size: "small" } }),
      respondent("Ben", { d: { big: "none" } }),
    ]);
    expect(merged.plan.answers.get("d")).toEqual(new Map());
    expect(merged.plan.answers.get("e")).toEqual(new Map());
  });

  it("scores everyone as the first plan's organisation", () => {
    // Ben's plan says "large", but the first plan's "small" decides: "big" does not apply.
    const merged = mergePlans(RUBRICS, [
      respondent("Ana", {}, { profile: { size: "small" } }),
      respondent("Ben", { d: { big: "all" } }, { profile: { size: "large" } }),
    ]);
    expect(combined(merged, "d", "big")).toBeUndefined();
    expect(merged.plan.profile).toEqual({ size: "small" });
  });

  it("among answers of the median score, takes one backed by evidence, with its meta", () => {
    const merged = mergePlans(RUBRICS, [
      respondent("Al", { d: { f: "s50a" } }, { meta: { e: { x: { evidence: "e.pdf" } } } }),
      respondent("Bo", { d: { f: "s50a" } }, { meta: { d: { a: { evidence: "a.pdf" } } } }),
      respondent("Di", { d: { f: "s100" } }),
      respondent("Ana", { d: { f: "s50a" } }, { meta: { d: { f: { asOf: "2026-01-01" } } } }),
      respondent("Ben", { d: { f: "s0" } }, { meta: { e: { x: { evidence: "other.pdf" } } } }),
      respondent(
        "Cy",
        { d: { f: "s50b" } },
        { meta: { d: { f: { evidence: "b.pdf", by: "Cy" } } } },
      ),
      respondent("Dee", { d: { f: "s100" } }),
    ]);
    expect(combined(merged, "d", "f")).toBe("s50b");
    expect(merged.plan.meta?.get("d")?.get("f")).toEqual({ evidence: "b.pdf", by: "Cy" });
  });

  it("among answers of the median score without evidence, takes the first respondent's", () => {
    const merged = mergePlans(RUBRICS, [
      respondent("Ana", { d: { f: "s50a" } }, { meta: { d: { f: { by: "Ana" } } } }),
      respondent("Ben", { d: { f: "s50b" } }, { meta: { d: { f: { by: "Ben" } } } }),
      respondent("Cy", { d: { f: "s100" } }),
    ]);
    expect(combined(merged, "d", "f")).toBe("s50a");
    expect(merged.plan.meta?.get("d")?.get("f")).toEqual({ by: "Ana" });
  });

  it("takes a text answer from the first respondent who gave one, with its meta", () => {
    const merged = mergePlans(RUBRICS, [
      respondent("Ana", {}),
      respondent("Ben", { d: { t: "Ben's view." } }, { meta: { d: { t: { by: "Ben" } } } }),
      respondent("Cy", { d: { t: "Cy's view." } }),
    ]);
    expect(combined(merged, "d", "t")).toBe("Ben's view.");
    expect(merged.plan.meta?.get("d")?.get("t")).toEqual({ by: "Ben" });
    // Text is not scored: it adds nothing to confidence or disagreements.
    expect(merged.confidence).toEqual({ d: 0, e: 0 });
    expect(merged.disagreements).toEqual([]);
  });
});

describe("mergePlans: the combined plan", () => {
  it("is the first plan with the combined answers, the latest date, and meta only where taken", () => {
    const first = respondent(
      "Ana",
      { d: { a: "all", b: "some" }, e: { x: "all" } },
      {
        date: "2026-02-01",
        notes: "Ana's notes.",
        profile: { size: "small" },
        meta: { d: { a: { evidence: "a.pdf" } } },
      },
    );
    const merged = mergePlans(RUBRICS, [
      first,
      respondent("Ben", { d: { a: "all", b: "none" }, e: { x: "none" } }, { date: "2026-03-01" }),
      respondent("Cy", { d: { a: "none" } }, { date: "2026-01-15" }),
    ]);
    expect(merged.plan).toEqual({
      organization: "Acme",
      respondent: { name: "Ana" },
      notes: "Ana's notes.",
      profile: { size: "small" },
      date: "2026-03-01",
      answers: new Map([
        [
          "d",
          new Map<string, Answer>([
            ["a", "all"],
            ["b", "none"],
          ]),
        ],
        ["e", new Map<string, Answer>([["x", "none"]])],
      ]),
      meta: new Map([["d", new Map([["a", { evidence: "a.pdf" }]])]]),
    });
  });

  it("has no date when no plan has one, and no meta when no answer taken has any", () => {
    const merged = mergePlans(RUBRICS, [
      respondent("Ana", { d: { a: "all" } }, { meta: { d: { a: { evidence: "a.pdf" } } } }),
      // Ben's meta is about a question he left unanswered.
      respondent("Ben", { d: { a: "none" } }, { meta: { e: { x: { evidence: "x.pdf" } } } }),
    ]);
    expect(combined(merged, "d", "a")).toBe("none");
    expect(merged.plan.date).toBeUndefined();
    expect(merged.plan.meta).toBeUndefined();
  });

  it("a single dated plan gives its date", () => {
    const merged = mergePlans(RUBRICS, [
      respondent("Ana", {}),
      respondent("Ben", {}, { date: "2026-05-01" }),
    ]);
    expect(merged.plan.date).toBe("2026-05-01");
  });
});

describe("mergePlans: disagreements and confidence", () => {
  it("a spread of 0.5 or more is a disagreement, listing only those who answered", () => {
    const merged = mergePlans(RUBRICS, [
      respondent("Ana", { d: { a: "none", f: "s70", n: "n/a" } }),
      respondent("Ben", { d: { f: "s20", n: "all", b: "all" } }),
      respondent("Cy", { d: { a: "all", f: "s50a", n: "some", b: "all" } }),
    ]);
    expect(merged.disagreements).toEqual([
      {
        dimension: "d",
        question: "a",
        prompt: "a?",
        spread: 1,
        answers: [
          { name: "Ana", answerText: "None", score: 0 },
          { name: "Cy", answerText: "All", score: 1 },
        ],
      },
      {
        dimension: "d",
        question: "f",
        prompt: "f?",
        // 0.7 - 0.2 is 0.49999999999999994 in floating point: still half a point.
        spread: 0.5,
        answers: [
          { name: "Ana", answerText: "Seventy", score: 0.7 },
          { name: "Ben", answerText: "Twenty", score: 0.2 },
          { name: "Cy", answerText: "Half, one way", score: 0.5 },
        ],
      },
      {
        dimension: "d",
        question: "n",
        prompt: "n?",
        spread: 0.5,
        answers: [
          { name: "Ana", answerText: "n/a", score: null },
          { name: "Ben", answerText: "All", score: 1 },
          { name: "Cy", answerText: "Some", score: 0.5 },
        ],
      },
    ]);
  });

  it.each<[string, string, string, boolean]>([
    ["0.7 and 0.21 (0.49) are not", "s70", "s21", false],
    ["0.7 and 0.2 (0.5 less a rounding error) are", "s70", "s20", true],
    ["0.5 less a billionth is, as a rounding tolerance", "edge", "s0", true],
    ["0.5 less two billionths is not", "below", "s0", false],
    ["equal answers are not", "s50a", "s50b", false],
  ])("answers %s a disagreement", (_, one, other, disagree) => {
    expect(mergeOne("d", "f", [one, other]).disagreements.length).toBe(disagree ? 1 : 0);
  });

  it("rounds the spread to hundredths", () => {
    expect(mergeOne("d", "f", ["s21", "s100"]).disagreements[0]?.spread).toBe(0.79);
  });

  it("confidence: the share of answered scored questions where two or more agree", () => {
    const merged = mergePlans(RUBRICS, [
      respondent("Ana", { d: { a: "some", b: "all", f: "s70", n: "n/a", t: "x" } }),
      respondent("Ben", { d: { a: "some", f: "s20", n: "n/a", t: "x" } }),
    ]);
    // a agreed; b answered by one only; f disagreed; n not applicable; t not scored: 1 of 3.
    expect(merged.confidence).toEqual({ d: 0.33, e: 0 });
    const all = mergePlans(RUBRICS, [
      respondent("Ana", { d: { a: "some", f: "s50a" }, e: { x: "all" } }),
      respondent("Ben", { d: { a: "some", f: "s50b" }, e: { x: "all" } }),
    ]);
    // f's two answers differ but score the same: they agree.
    expect(all.confidence).toEqual({ d: 1, e: 1 });
    const twoOfThree = mergePlans(RUBRICS, [
      respondent("Ana", { d: { a: "some", b: "all", f: "s0" } }),
      respondent("Ben", { d: { a: "some", b: "all", f: "s100" } }),
    ]);
    expect(twoOfThree.confidence.d).toBe(0.67);
  });

  it("one respondent agrees with nobody", () => {
    expect(mergeOne("d", "a", ["all"]).confidence).toEqual({ d: 0, e: 0 });
  });
});

describe("withRespondents", () => {
  it("adds who said what to each question of a merged dimension, and the merge's findings", () => {
    const merged = mergePlans(rubricSet(D), [
      respondent("Ana", { d: { a: "none" } }),
      respondent("Ben", { d: { a: "all" } }),
    ]);
    const report = buildReport({ rubrics: RUBRICS, plan: merged.plan, toolVersion: "t" });
    const result = withRespondents(report, merged);
    expect(result).toEqual({
      ...report,
      dimensions: report.dimensions.map((d) =>
        d.id === "d"
          ? {
              ...d,
              questions: d.questions.map((q) => ({
                ...q,
                respondents: merged.answers.get("d")?.get(q.id),
              })),
            }
          : d,
      ),
      respondents: merged.respondents,
      disagreements: merged.disagreements,
      confidence: merged.confidence,
    });
    const a = result.dimensions[0]?.questions[0];
    expect(a?.respondents).toEqual([
      { name: "Ana", answer: "none", answerText: "None", score: 0 },
      { name: "Ben", answer: "all", answerText: "All", score: 1 },
    ]);
    // Dimension e was not merged: its questions carry no respondents at all.
    expect(result.dimensions[1]?.questions.map((q) => "respondents" in q)).toEqual([false, false]);
    expect(result.disagreements?.map((d) => d.question)).toEqual(["a"]);
    expect(result.confidence).toEqual({ d: 0 });
  });
});

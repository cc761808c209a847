import { describe, expect, it } from "vitest";
import {
  isScored,
  nextStep,
  scoreAnswer,
  type Answer,
  type ScoredQuestion,
} from "../../src/core/kinds/index.js";
import { validatePlan } from "../../src/core/plan.js";
import { type Plan } from "../../src/core/plan-file.js";
import { buildReport } from "../../src/core/report.js";
import { compareReports } from "../../src/core/compare.js";
import {
  DimensionRubricSchema,
  LevelsFileSchema,
  lintRubric,
  type RubricSet,
} from "../../src/core/rubric.js";
import type { Profile } from "../../src/core/schema-parts.js";
import { parseRubricText } from "../../src/io/load-rubrics.js";
import { builtinRubrics } from "../helpers.js";

const levels = LevelsFileSchema.parse({
  levels: [
    { id: "existing", label: "Existing", from: 0, to: 25, summary: "s" },
    { id: "emerging", label: "Emerging", from: 25, to: 50, summary: "s" },
    { id: "engaging", label: "Engaging", from: 50, to: 75, summary: "s" },
    { id: "living", label: "Living", from: 75, to: 100, summary: "s" },
  ],
}).levels;

const rec = (title: string, effort = "low") => ({ title, detail: `Detail for ${title}.`, effort });
const base = (id: string, weight = 1, effort = "low") => ({
  id,
  weight,
  prompt: `${id}?`,
  help: "Why.",
  recommendation: rec(`Do ${id}`, effort),
});
const bool = (id: string, weight = 1, effort = "low") => ({
  ...base(id, weight, effort),
  kind: "boolean",
});

const response = {
  ...base("response", 2, "high"),
  kind: "choice",
  aliases: ["reply-speed"],
  choices: [
    {
      value: "days",
      label: "Several days",
      score: 0,
      aliases: ["slow"],
      advice: "Answer within a day first.",
      critical: { cap: "emerging", why: "Nobody is home." },
    },
    { value: "day", label: "Within a day", score: 0.5, advice: "Now aim for hours." },
    { value: "hours", label: "Within hours", score: 1 },
  ],
};
const departments = {
  ...base("departments", 1),
  kind: "boolean",
  notApplicable: "Only organisations with several teams can spread the work.",
  appliesWhen: { size: ["small", "medium", "large"] },
};
const privacy = { ...bool("privacy"), appliesWhen: { regulated: true } };
const hours = {
  ...base("hours", 1),
  kind: "number",
  unit: "hours per week",
  max: 400,
  bandScale: { solo: 0.25, micro: 0.5 },
  bands: [
    { from: 0, to: 4, score: 0, advice: "Set aside an hour a day." },
    { from: 4, to: 8, score: 0.5 },
    { from: 8, score: 1 },
  ],
};
const practices = {
  ...base("practices", 1),
  kind: "multi",
  options: [
    { value: "listen", label: "Listen", score: 0.25, advice: "Start with saved searches." },
    { value: "answer", label: "Answer", score: 0.5, advice: "Answer every question." },
    { value: "thank", label: "Thank", score: 0.25 },
  ],
};

function dimension(id: string, weight: number, questions: object[]) {
  return DimensionRubricSchema.parse({
    id,
    version: "1.0.0",
    title: id,
    description: "d",
    existing: "e",
    living: "l",
    weight,
    questions,
  });
}
const origin = { file: "test", builtin: false, hash: "h" };
const rubrics: RubricSet = {
  levels,
  levelsOrigin: origin,
  dimensions: [
    {
      rubric: dimension("alpha", 1, [response, departments, privacy, hours, practices]),
      origin,
    },
    { rubric: dimension("beta", 1, [bool("b1"), bool("b2", 1, "high")]), origin },
  ],
};

function plan(answers: Record<string, Record<string, unknown>>, profile?: Profile) {
  const result = validatePlan(
    { organization: "Org", answers, ...(profile ? { profile } : {}) },
    rubrics,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}
const report = (p: Plan, assess?: string[]) =>
  buildReport({ rubrics, plan: p, toolVersion: "t", ...(assess ? { assess } : {}) });
const question = (r: ReturnType<typeof report>, d: string, q: string) =>
  r.dimensions.find((x) => x.id === d)?.questions.find((x) => x.id === q);

describe("not applicable", () => {
  it("removes the question's weight, where unanswered still scores 0", () => {
    const done = {
      response: "hours",
      privacy: true,
      hours: 10,
      practices: ["listen", "answer", "thank"],
    };
    const na = report(plan({ alpha: { ...done, departments: "n/a" } }).plan);
    const open = report(plan({ alpha: done }).plan);
    expect(na.dimensions[0]?.score).toBe(100);
    expect(open.dimensions[0]?.score).toBe(83.3);
    expect(question(na, "alpha", "departments")).toMatchObject({
      status: "not-applicable",
      score: null,
      reason: departments.notApplicable,
    });
    expect(question(open, "alpha", "departments")?.status).toBe("unanswered");
    expect(na.recommendations.some((r) => r.question === "departments")).toBe(false);
  });

  it("is refused where the rubric gives no reason it could not apply", () => {
    const result = validatePlan(
      { organization: "Org", answers: { alpha: { privacy: "n/a" } } },
      rubrics,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        {
          path: ["answers", "alpha", "privacy"],
          message: expect.stringMatching(/applies to every organisation/),
        },
      ]);
  });
});

describe("profile", () => {
  it("leaves out questions outside the profile, saying why; no profile means all apply", () => {
    const micro = report(
      plan({ alpha: { response: "hours" } }, { size: "micro", regulated: false }).plan,
    );
    expect(question(micro, "alpha", "departments")).toMatchObject({ status: "not-applicable" });
    expect(question(micro, "alpha", "departments")?.reason).toMatch(
      /small \(10-49 people\).*micro/,
    );
    expect(question(micro, "alpha", "privacy")?.reason).toMatch(/regulated/);
    const none = report(plan({ alpha: { response: "hours" } }).plan);
    expect(question(none, "alpha", "departments")?.status).toBe("unanswered");
    expect(question(none, "alpha", "privacy")?.status).toBe("unanswered");
    expect(none.profile).toBeNull();
  });

  it("scales number bands by size", () => {
    // 5 hours: band 4-8 (0.5) for everyone; for a micro shop (x0.5) it is 4+ = full marks.
    const at = (profile?: Profile) =>
      question(report(plan({ alpha: { hours: 5 } }, profile).plan), "alpha", "hours")?.score;
    expect(at()).toBe(0.5);
    expect(at({ size: "large" })).toBe(0.5);
    expect(at({ size: "micro" })).toBe(1);
    expect(at({ size: "solo" })).toBe(1);
    // 1.5 hours for a solo business (x0.25: 1-2 is the middle band).
    expect(
      question(report(plan({ alpha: { hours: 1.5 } }, { size: "solo" }).plan), "alpha", "hours")
        ?.score,
    ).toBe(0.5);
  });
});

describe("critical findings", () => {
  it("cap the dimension's level and the overall level, score unchanged", () => {
    const answers = {
      response: "days",
      departments: true,
      privacy: true,
      hours: 50,
      practices: ["listen", "answer", "thank"],
    };
    const r = report(plan({ alpha: answers, beta: { b1: true, b2: true } }).plan);
    const alpha = r.dimensions[0];
    // response (weight 2 of 6) scores 0: 66.7 reads as engaging, held at emerging.
    expect(alpha?.score).toBe(66.7);
    expect(alpha?.level.id).toBe("emerging");
    expect(alpha?.cap).toEqual({
      level: { id: "emerging", label: "Emerging" },
      because: ["response"],
    });
    expect(r.overall.score).toBeGreaterThanOrEqual(75);
    expect(r.overall.level.id).toBe("emerging");
    expect(r.overall.cap?.because).toEqual(["alpha"]);
    expect(r.dimensions[1]?.cap).toBeNull();
  });

  it("come first, under fix first, whatever their gain or effort", () => {
    const r = report(
      plan({ alpha: { response: "days", hours: 50, privacy: true, departments: true } }).plan,
    );
    expect(r.recommendations[0]).toMatchObject({
      question: "response",
      critical: true,
      why: "Nobody is home.",
      current: "Several days",
      target: { value: "day", text: "Within a day" },
      detail: "Answer within a day first.",
    });
    expect(r.recommendations.filter((x) => x.critical)).toHaveLength(1);
  });
});

describe("ranking", () => {
  it("orders non-critical steps by overall gain per effort, ties in rubric order", () => {
    const r = report(
      plan({
        alpha: {
          response: "hours",
          hours: 50,
          privacy: true,
          departments: true,
          practices: ["listen", "answer", "thank"],
        },
      }).plan,
    );
    // beta: b1 (low) and b2 (high) gain the same; b1 first. Both unanswered.
    expect(r.recommendations.map((x) => x.question)).toEqual(["b1", "b2"]);
    const ratio = r.recommendations.map(
      (x) => x.gain.overall / { low: 1, medium: 2, high: 3 }[x.effort],
    );
    expect([...ratio].sort((a, b) => b - a)).toEqual(ratio);
  });

  it("gains run to the target, not to full marks", () => {
    const r = report(
      plan({
        alpha: {
          response: "day",
          hours: 50,
          privacy: true,
          departments: true,
          practices: ["listen", "answer", "thank"],
        },
      }).plan,
    );
    const step = r.recommendations.find((x) => x.question === "response");
    // response weighs 2 of 6 in alpha: 0.5 -> 1 is 2 * 0.5 / 6 = 16.7 points in the dimension.
    expect(step?.gain.dimension).toBe(16.7);
    expect(step?.target).toEqual({ value: "hours", text: "Within hours" });
    expect(step?.detail).toBe("Now aim for hours.");
  });

  it("multi proposes an option not yet selected, with that option's advice", () => {
    const r = report(plan({ alpha: { practices: ["answer"] } }).plan);
    const step = r.recommendations.find((x) => x.question === "practices");
    expect(step?.target).toEqual({ value: "listen", text: "Listen" });
    expect(step?.detail).toBe("Start with saved searches.");
    expect(step?.current).toBe("Answer");
  });
});

describe("compatibility", () => {
  it("maps old question ids and choice values, warning once for each", () => {
    const result = plan({ alpha: { "reply-speed": "slow" } });
    expect(result.plan.answers.get("alpha")?.get("response")).toBe("days");
    expect(result.warnings.map((w) => w.path)).toEqual([
      ["answers", "alpha", "reply-speed"],
      ["answers", "alpha", "reply-speed"],
    ]);
    expect(result.warnings.map((w) => w.message).join("\n")).toMatch(
      /deprecated question id "reply-speed": now "response"[\s\S]*deprecated value "slow": now "days"/,
    );
  });

  it("compare lists questions a rubric added and removed instead of calling them regressions", () => {
    const before = report(plan({ alpha: { response: "day" } }).plan);
    const after = structuredClone(before);
    const alpha = after.dimensions[0];
    if (!alpha) throw new Error("no alpha");
    alpha.rubric.version = "2.0.0";
    alpha.questions = alpha.questions.filter((q) => q.id !== "hours");
    alpha.questions.push({
      ...alpha.questions[0]!,
      id: "listening",
      prompt: "Listening?",
      score: 0,
    });
    after.recommendations = after.recommendations
      .filter((r) => r.question !== "hours")
      .concat([{ ...after.recommendations[0]!, dimension: "alpha", question: "listening" }]);
    const c = compareReports(before, after);
    expect(c.rubricChanges).toEqual([
      {
        dimension: "alpha",
        versionBefore: "1.0.0",
        versionAfter: "2.0.0",
        questionsAdded: [{ id: "listening", prompt: "Listening?" }],
        questionsRemoved: [{ id: "hours", prompt: "hours?" }],
      },
    ]);
    expect(c.regressed).toEqual([]);
    expect(c.resolved.map((r) => r.question)).not.toContain("hours");
    expect(c.added.map((r) => r.question)).not.toContain("listening");
    expect(c.warnings[0]).toMatch(/1 added, 1 removed/);
  });
});

describe("--dimension scope", () => {
  it("leaves other dimensions out of overall, recommendations and thresholds", () => {
    const p = plan({
      alpha: {
        response: "hours",
        hours: 50,
        privacy: true,
        departments: true,
        practices: ["listen", "answer", "thank"],
      },
    }).plan;
    const r = buildReport({
      rubrics,
      plan: p,
      toolVersion: "t",
      assess: ["alpha"],
      thresholds: { dimensions: { beta: 50, alpha: 50 } },
    });
    expect(r.overall.score).toBe(100);
    expect(r.dimensions.map((d) => d.assessed)).toEqual([true, false]);
    expect(r.recommendations).toEqual([]);
    expect(r.unanswered).toEqual([]);
    expect(r.thresholds.checks.find((c) => c.dimension === "beta")).toMatchObject({
      evaluated: false,
      passed: true,
    });
    expect(r.thresholds.checks.find((c) => c.dimension === "alpha")).not.toHaveProperty(
      "evaluated",
    );
    expect(r.thresholds.passed).toBe(true);
  });
});

describe("rubric lint and validation", () => {
  const rubricText = (choices: string) => `id: x
version: 1.0.0
title: X
description: d
existing: e
living: l
weight: 1
questions:
  - id: q
    kind: choice
    weight: 1
    prompt: Q?
    help: Why.
    recommendation: { title: T, detail: D, effort: low }
    choices:
${choices}`;

  it("refuses a choice below full marks with nowhere better to go, at its line", () => {
    const result = parseRubricText(
      rubricText(
        "      - { value: a, label: A, score: 0 }\n      - { value: b, label: B, score: 0.5 }\n",
      ),
      "x.yaml",
      false,
      false,
    );
    expect(result.kind).toBe("invalid");
    if (result.kind === "invalid")
      expect(result.diagnostics[0]).toMatchObject({
        file: "x.yaml",
        line: 17,
        message: expect.stringMatching(/no choice scores higher/),
      });
  });

  it("refuses an alias that shadows a value, and bandScale outside number questions", () => {
    const alias = parseRubricText(
      rubricText(
        "      - { value: a, label: A, score: 0, aliases: [b] }\n      - { value: b, label: B, score: 1 }\n",
      ),
      "x.yaml",
      false,
      false,
    );
    expect(alias.kind === "invalid" && alias.diagnostics[0]?.message).toMatch(
      /alias "b" is already a value/,
    );
    const scale = DimensionRubricSchema.safeParse({
      ...dimension("x", 1, [bool("q")]),
      questions: [{ ...bool("q"), bandScale: { solo: 1 } }],
    });
    expect(scale.success).toBe(false);
  });

  it("records critical caps with their position for checking against levels", () => {
    const result = parseRubricText(
      rubricText(
        "      - { value: a, label: A, score: 0, critical: { cap: emergin, why: W } }\n      - { value: b, label: B, score: 1 }\n",
      ),
      "x.yaml",
      false,
      false,
    );
    expect(result.kind).toBe("dimension");
    if (result.kind === "dimension")
      expect(result.levelRefs?.[0]).toMatchObject({
        level: "emergin",
        at: { file: "x.yaml", line: 16 },
      });
  });
});

describe("every question of every shipped rubric", () => {
  it("aims at a target strictly better than the current answer; multi targets are never selected", async () => {
    const shipped = await builtinRubrics();
    let checked = 0;
    for (const { rubric } of shipped.dimensions) {
      expect(
        lintRubric(rubric).filter((p) => p.severity === "error"),
        rubric.id,
      ).toEqual([]);
      for (const q of rubric.questions.filter(isScored)) {
        for (const answer of sampleAnswers(q)) {
          const current = answer === undefined ? 0 : scoreAnswer(q, answer);
          const target = nextStep(q, answer);
          if (current >= 1) {
            expect(target, `${rubric.id}.${q.id}`).toBeUndefined();
            continue;
          }
          expect(target, `${rubric.id}.${q.id} from ${JSON.stringify(answer)}`).toBeDefined();
          if (!target) continue;
          expect(target.score, `${rubric.id}.${q.id}`).toBeGreaterThan(current);
          if (q.kind === "multi" && Array.isArray(answer)) {
            const added = Array.isArray(target.value) ? target.value : [target.value];
            for (const v of added) expect(answer, `${rubric.id}.${q.id}`).not.toContain(v);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

/** Every answer a question distinguishes: each choice, point, band, subset (up to 2^8) and none. */
function sampleAnswers(q: ScoredQuestion): (Answer | undefined)[] {
  switch (q.kind) {
    case "choice":
      return [undefined, ...q.choices.map((c) => c.value)];
    case "boolean":
      return [undefined, true, false];
    case "scale":
      return [undefined, ...Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i)];
    case "number":
      return [
        undefined,
        q.min,
        q.max,
        ...q.bands.map((b) => Math.max(q.min, Math.min(q.max, b.from))),
      ];
    case "multi": {
      const values = q.options.map((o) => o.value).slice(0, 8);
      return [
        undefined,
        ...Array.from({ length: 2 ** values.length }, (_, mask) =>
          values.filter((_, i) => (mask >> i) & 1),
        ),
      ];
    }
  }
}

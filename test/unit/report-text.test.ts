import { describe, expect, it } from "vitest";
import type { RecommendationResult, Report } from "../../src/core/report-schema.js";
import {
  adviceText,
  batchCounts,
  countOf,
  nowAndNext,
  shownOf,
} from "../../src/render/report-text.js";

/** Only the fields the wording reads; the rest of a recommendation does not matter here. */
const rec = (
  current: string | null,
  target: { value: unknown; text: string } | null,
  extra: Partial<RecommendationResult> = {},
) =>
  ({
    rank: 1,
    dimension: "presence",
    question: "q",
    title: "Do it",
    detail: "Start this week.",
    effort: "low",
    current,
    target,
    gain: { dimension: 1, overall: 1 },
    ...extra,
  }) as RecommendationResult;

describe("where the client is and the next step", () => {
  it.each([
    [
      "an answer and a step up",
      rec("Most of them", { value: "all", text: "Every one" }),
      "Now: Most of them. Next: Every one.",
    ],
    [
      "unanswered: find out first, never a leap to the best answer",
      rec(null, { value: "all", text: "Every one" }),
      "Now: not answered. Find out where you stand first; then:",
    ],
    ["a bare yes/no says nothing the advice does not", rec("no", { value: true, text: "yes" }), ""],
    ["no step up", rec("Every one", null), ""],
  ])("%s", (_name, r, expected) => {
    expect(nowAndNext(r)).toBe(expected);
  });

  it("advice leads with it, then the detail", () => {
    expect(adviceText(rec(null, { value: "all", text: "Every one" }))).toBe(
      "Now: not answered. Find out where you stand first; then: Start this week.",
    );
    expect(adviceText(rec("no", { value: true, text: "yes" }))).toBe("Start this week.");
  });
});

describe("batch and list counts", () => {
  it("counts in the singular and plural", () => {
    expect([countOf(0, "plan"), countOf(1, "plan"), countOf(2, "plan")]).toEqual([
      "0 plans",
      "1 plan",
      "2 plans",
    ]);
  });

  it("gives an average only when something was audited", () => {
    const summary = {
      plans: 3,
      audited: 2,
      passed: 1,
      failed: 1,
      invalid: 1,
      averageOverall: 42,
      lowest: null,
    };
    expect(batchCounts(summary)).toBe(
      "3 plans, 1 passed, 1 below a threshold, 1 could not be audited; average overall score 42.0",
    );
    expect(batchCounts({ ...summary, plans: 1, audited: 0, passed: 0, failed: 0 })).toBe(
      "1 plan, 0 passed, 0 below a threshold, 1 could not be audited",
    );
  });

  it("says the next steps come after Fix first when critical findings take the first ranks", () => {
    const report = (critical: boolean[]) =>
      ({
        recommendations: critical.map((c, i) => rec("x", null, { rank: i + 1, critical: c })),
      }) as unknown as Report;
    expect(shownOf(report([false, false, false]), 2)).toBe("2 of 3");
    expect(shownOf(report([true, false, false]), 2)).toBe("2 of the 2 after Fix first");
  });
});

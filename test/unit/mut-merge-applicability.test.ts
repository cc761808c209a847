import { describe, expect, it } from "vitest";
import { appliesTo, profileMismatch } from "../../src/core/applicability.js";
import { isScored, type ScoredQuestion } from "../../src/core/kinds/index.js";
import type { AppliesWhen, Profile } from "../../src/core/schema-parts.js";
import { choice, rubric } from "./builders.js";

/*
 * Which questions apply to the organisation a plan's profile describes, and the reason the
 * report prints when one does not: each key of `appliesWhen` on both sides of its test, the
 * wording of every list length, and which reason wins when several keys miss.
 */

const SOLO = "solo (1 person)";
const MICRO = "micro (2-9 people)";
const SMALL = "small (10-49 people)";
const MEDIUM = "medium (50-249 people)";
const LARGE = "large (250+ people)";

const REGULATED_ONLY =
  "applies to regulated organisations (health, legal, finance, childcare...); this one is not";
const UNREGULATED_ONLY =
  "applies to organisations outside regulated sectors; this one is regulated";

const cases: [string, AppliesWhen | undefined, Profile | undefined, string | undefined][] = [
  // No condition, or nothing known about the organisation: the question applies.
  ["no appliesWhen", undefined, { size: "solo", regulated: true, audience: "b2c" }, undefined],
  ["no profile", { size: ["large"], regulated: true, audience: ["b2b"] }, undefined, undefined],
  ["an empty profile", { size: ["large"], regulated: true, audience: ["b2b"] }, {}, undefined],
  ["an empty appliesWhen", {}, { size: "solo", regulated: true, audience: "b2c" }, undefined],

  // size
  ["size listed", { size: ["small", "medium"] }, { size: "medium" }, undefined],
  ["size unknown", { size: ["large"] }, { regulated: true, audience: "b2c" }, undefined],
  [
    "size missed, one listed",
    { size: ["large"] },
    { size: "small" },
    `applies to ${LARGE} organisations; this one is ${SMALL}`,
  ],
  [
    "size missed, two listed",
    { size: ["medium", "large"] },
    { size: "solo" },
    `applies to ${MEDIUM} or ${LARGE} organisations; this one is ${SOLO}`,
  ],
  [
    "size missed, three listed",
    { size: ["solo", "micro", "small"] },
    { size: "large" },
    `applies to ${SOLO}, ${MICRO} or ${SMALL} organisations; this one is ${LARGE}`,
  ],
  [
    "size missed, four listed",
    { size: ["solo", "small", "medium", "large"] },
    { size: "micro" },
    `applies to ${SOLO}, ${SMALL}, ${MEDIUM} or ${LARGE} organisations; this one is ${MICRO}`,
  ],

  // regulated
  ["regulated, as asked", { regulated: true }, { regulated: true }, undefined],
  ["unregulated, as asked", { regulated: false }, { regulated: false }, undefined],
  ["regulation unknown", { regulated: true }, { size: "solo", audience: "b2c" }, undefined],
  ["regulation not asked", { size: ["solo"] }, { size: "solo", regulated: true }, undefined],
  ["regulated only, this one is not", { regulated: true }, { regulated: false }, REGULATED_ONLY],
  ["unregulated only, this one is", { regulated: false }, { regulated: true }, UNREGULATED_ONLY],

  // audience
  ["audience listed", { audience: ["b2b", "b2c"] }, { audience: "b2c" }, undefined],
  ["audience unknown", { audience: ["b2b"] }, { size: "solo", regulated: false }, undefined],
  [
    "audience missed, one listed",
    { audience: ["b2b"] },
    { audience: "b2c" },
    "applies to organisations serving b2b; this one serves b2c",
  ],
  [
    "audience missed, two listed",
    { audience: ["nonprofit", "public-sector"] },
    { audience: "b2b" },
    "applies to organisations serving nonprofit or public-sector; this one serves b2b",
  ],
  [
    "audience missed, three listed",
    { audience: ["b2c", "b2b", "nonprofit"] },
    { audience: "public-sector" },
    "applies to organisations serving b2c, b2b or nonprofit; this one serves public-sector",
  ],

  // Several keys miss: size is reported first, then regulation, then audience.
  [
    "every key missed",
    { size: ["large"], regulated: true, audience: ["b2b"] },
    { size: "small", regulated: false, audience: "b2c" },
    `applies to ${LARGE} organisations; this one is ${SMALL}`,
  ],
  [
    "size matched, regulation and audience missed",
    { size: ["small"], regulated: true, audience: ["b2b"] },
    { size: "small", regulated: false, audience: "b2c" },
    REGULATED_ONLY,
  ],
  [
    "size and regulation matched, audience missed",
    { size: ["small"], regulated: false, audience: ["b2b"] },
    { size: "small", regulated: false, audience: "b2c" },
    "applies to organisations serving b2b; this one serves b2c",
  ],
  [
    "every key matched",
    { size: ["small"], regulated: false, audience: ["b2b"] },
    { size: "small", regulated: false, audience: "b2b" },
    undefined,
  ],
];

describe("profileMismatch", () => {
  it.each(cases)("%s", (_, when, profile, expected) => {
    expect(profileMismatch(when, profile)).toBe(expected);
  });
});

function question(appliesWhen: AppliesWhen): ScoredQuestion {
  const [q] = rubric("d", [{ ...choice("q", 1), appliesWhen }]).questions;
  if (!q || !isScored(q)) throw new Error("expected a scored question");
  return q;
}

describe("appliesTo", () => {
  it("is true exactly when there is no mismatch to report", () => {
    const q = question({ size: ["micro", "small"] });
    expect(appliesTo(q, { size: "micro" })).toBe(true);
    expect(appliesTo(q, { size: "medium" })).toBe(false);
    expect(appliesTo(q, undefined)).toBe(true);
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Answer, Question, ScoredQuestion } from "../../src/core/kinds/index.js";
import type { MultiQuestion } from "../../src/core/kinds/multi.js";
import { unitAfter, type NumberQuestion } from "../../src/core/kinds/number.js";
import { MAX_TEXT_ANSWER } from "../../src/core/kinds/text.js";

/*
 * Every question kind, table-driven in the manner of ESLint's RuleTester: for each kind, the
 * rubric entries its schema accepts and refuses (with the message and path an author sees),
 * the answers it accepts and refuses, the score and description of each accepted answer, and
 * what `rubrics show` lists as allowed.
 *
 * The kinds build their zod schemas once (z.lazy, and a cache of answer schemas per question).
 * So that each test checks schemas built while it runs, and mutation testing can tell which test
 * reaches which schema, every test imports the kinds afresh and parses its own questions.
 */

let kinds: typeof import("../../src/core/kinds/index.js");
let multiKind: typeof import("../../src/core/kinds/multi.js");
let numberKind: typeof import("../../src/core/kinds/number.js");
beforeEach(async () => {
  vi.resetModules();
  kinds = await import("../../src/core/kinds/index.js");
  multiKind = await import("../../src/core/kinds/multi.js");
  numberKind = await import("../../src/core/kinds/number.js");
});

/** A question as a rubric writes it; parsed inside each test. */
interface Fixture {
  raw: Record<string, unknown>;
}
const scored = (raw: Record<string, unknown>): Fixture => ({ raw: { ...base, ...raw } });

function parse(f: Fixture): Question {
  return kinds.QuestionSchema.parse(f.raw);
}

const recommendation = { title: "Do it", detail: "Because.", effort: "low" };
const base = { id: "q", prompt: "Q?", help: "Why it matters.", weight: 2, recommendation };

const choice = scored({
  kind: "choice",
  choices: [
    { value: "none", label: "Nobody", score: 0 },
    { value: "some", label: "Some teams", score: 0.4 },
    { value: "all", label: "Everyone", score: 1 },
  ],
});
const multi = scored({
  kind: "multi",
  options: [
    { value: "listen", label: "We listen", score: 0.5 },
    { value: "answer", label: "We answer", score: 0.25 },
    { value: "thank", label: "We thank promoters", score: 0.75 },
  ],
});
const cappedMulti = scored({
  kind: "multi",
  options: [
    { value: "a", label: "A", score: 0.5 },
    { value: "b", label: "B", score: 0.5 },
    { value: "c", label: "C", score: 0.5 },
  ],
  cap: 1,
});
const zeroMulti = scored({
  kind: "multi",
  options: [
    { value: "a", label: "A", score: 0 },
    { value: "b", label: "B", score: 0 },
  ],
});
const bool = scored({ kind: "boolean" });
const invertedBool = scored({ kind: "boolean", scores: { yes: 0.2, no: 0.9 } });
const scale = scored({
  kind: "scale",
  labels: ["never", "rarely", "sometimes", "often", "always"],
});
const shiftedScale = scored({ kind: "scale", min: 0, max: 2, labels: ["no", "partly", "yes"] });
const number = scored({
  kind: "number",
  unit: "hours",
  max: 100,
  bands: [
    { from: 0, to: 2, score: 1, label: "same morning" },
    { from: 2, to: 24, score: 0.5 },
    { from: 24, score: 0.1, label: "next day or later" },
  ],
});
const boundedNumber = scored({
  kind: "number",
  unit: "posts",
  min: 10,
  max: 20,
  bands: [
    { from: 10, to: 15, score: 0.3 },
    { from: 15, to: 21, score: 0.8 },
  ],
});
const text: Fixture = {
  raw: {
    kind: "text",
    id: "notes",
    prompt: "Notes?",
    help: "Context.",
  },
};

interface Valid {
  name: string;
  q: Fixture;
  answer: Answer;
  /** null for unscored kinds. */
  score: number | null;
  text: string;
}

const valid: Valid[] = [
  { name: "choice lowest", q: choice, answer: "none", score: 0, text: "Nobody" },
  { name: "choice middle", q: choice, answer: "some", score: 0.4, text: "Some teams" },
  { name: "choice highest", q: choice, answer: "all", score: 1, text: "Everyone" },
  { name: "multi none", q: multi, answer: [], score: 0, text: "none" },
  { name: "multi one", q: multi, answer: ["listen"], score: 1 / 3, text: "We listen" },
  {
    name: "multi two, in the answer's order",
    q: multi,
    answer: ["thank", "answer"],
    score: 2 / 3,
    text: "We thank promoters; We answer",
  },
  {
    name: "multi all",
    q: multi,
    answer: ["listen", "answer", "thank"],
    score: 1,
    text: "We listen; We answer; We thank promoters",
  },
  { name: "multi under the cap", q: cappedMulti, answer: ["b"], score: 0.5, text: "B" },
  { name: "multi exactly at the cap", q: cappedMulti, answer: ["a", "c"], score: 1, text: "A; C" },
  {
    name: "multi beyond the cap stays at 1",
    q: cappedMulti,
    answer: ["a", "b", "c"],
    score: 1,
    text: "A; B; C",
  },
  {
    name: "multi whose options all score 0",
    q: zeroMulti,
    answer: ["a", "b"],
    score: 0,
    text: "A; B",
  },
  { name: "boolean yes", q: bool, answer: true, score: 1, text: "yes" },
  { name: "boolean no", q: bool, answer: false, score: 0, text: "no" },
  {
    name: "boolean with its own scores, yes",
    q: invertedBool,
    answer: true,
    score: 0.2,
    text: "yes",
  },
  {
    name: "boolean with its own scores, no",
    q: invertedBool,
    answer: false,
    score: 0.9,
    text: "no",
  },
  { name: "scale min", q: scale, answer: 1, score: 0, text: "1 (never)" },
  { name: "scale second point", q: scale, answer: 2, score: 0.25, text: "2 (rarely)" },
  { name: "scale max", q: scale, answer: 5, score: 1, text: "5 (always)" },
  { name: "scale from 0, min", q: shiftedScale, answer: 0, score: 0, text: "0 (no)" },
  { name: "scale from 0, middle", q: shiftedScale, answer: 1, score: 0.5, text: "1 (partly)" },
  { name: "scale from 0, max", q: shiftedScale, answer: 2, score: 1, text: "2 (yes)" },
  { name: "number at min", q: number, answer: 0, score: 1, text: "0 hours (same morning)" },
  {
    name: "number inside a band",
    q: number,
    answer: 1.5,
    score: 1,
    text: "1.5 hours (same morning)",
  },
  { name: "number on a band edge", q: number, answer: 2, score: 0.5, text: "2 hours" },
  {
    name: "number one: the unit in the singular",
    q: number,
    answer: 1,
    score: 1,
    text: "1 hour (same morning)",
  },
  { name: "number just below an edge", q: number, answer: 23.9, score: 0.5, text: "23.9 hours" },
  {
    name: "number on the open band's start",
    q: number,
    answer: 24,
    score: 0.1,
    text: "24 hours (next day or later)",
  },
  {
    name: "number at max",
    q: number,
    answer: 100,
    score: 0.1,
    text: "100 hours (next day or later)",
  },
  { name: "number at a raised min", q: boundedNumber, answer: 10, score: 0.3, text: "10 posts" },
  {
    name: "number at max, inside the last band",
    q: boundedNumber,
    answer: 20,
    score: 0.8,
    text: "20 posts",
  },
  {
    name: "text",
    q: text,
    answer: "We post on Fridays.",
    score: null,
    text: "We post on Fridays.",
  },
  { name: "text, empty", q: text, answer: "", score: null, text: "" },
  {
    name: "text at the limit",
    q: text,
    answer: "x".repeat(MAX_TEXT_ANSWER),
    score: null,
    text: "x".repeat(MAX_TEXT_ANSWER),
  },
];

describe("valid answers: accepted, scored and described", () => {
  it.each(valid)("$name", ({ q: fixture, answer, score, text: description }) => {
    const q = parse(fixture);
    const checked = kinds.answerSchemaFor(q).safeParse(answer);
    expect(checked.success).toBe(true);
    expect(checked.data).toStrictEqual(answer);
    if (score === null) expect(kinds.isScored(q)).toBe(false);
    else if (kinds.isScored(q)) expect(kinds.scoreAnswer(q, answer)).toBeCloseTo(score, 10);
    else throw new Error(`${q.kind} should be scored`);
    expect(kinds.describeAnswer(q, answer)).toBe(description);
  });
});

const invalid: [string, Fixture, unknown, string][] = [
  ["choice unknown value", choice, "every", 'must be one of "none", "some", "all", got "every"'],
  [
    "choice near miss",
    choice,
    "som",
    'must be one of "none", "some", "all", got "som" (did you mean "some"?)',
  ],
  ["choice a number", choice, 1, 'must be one of "none", "some", "all", got 1'],
  ["choice missing", choice, undefined, 'must be one of "none", "some", "all"'],
  ["multi a single value", multi, "listen", "must be a list of values, e.g. [listen, answer]"],
  [
    "multi unknown option",
    multi,
    ["listen", "shout"],
    'must be one of "listen", "answer", "thank", got "shout"',
  ],
  ["multi the same option twice", multi, ["thank", "thank"], "lists a value more than once"],
  ["boolean as text", bool, "yes", "must be true or false (write true for yes, false for no)"],
  ["boolean as a number", bool, 1, "must be true or false (write true for yes, false for no)"],
  ["scale below min", scale, 0, "must be a whole number from 1 to 5"],
  ["scale above max", scale, 6, "must be a whole number from 1 to 5"],
  ["scale fraction", scale, 2.5, "must be a whole number from 1 to 5"],
  ["scale as text", scale, "3", "must be a whole number from 1 to 5"],
  ["scale from 0, below", shiftedScale, -1, "must be a whole number from 0 to 2"],
  ["number below min", boundedNumber, 9.99, "must be a number of posts from 10 to 20"],
  ["number above max", boundedNumber, 20.01, "must be a number of posts from 10 to 20"],
  ["number as text", number, "fast", "must be a number of hours from 0 to 100"],
  ["text a number", text, 5, "must be text"],
  [
    "text beyond the limit",
    text,
    "x".repeat(MAX_TEXT_ANSWER + 1),
    `must be at most ${MAX_TEXT_ANSWER} characters`,
  ],
];

describe("invalid answers: refused with a message that says what is allowed", () => {
  it.each(invalid)("%s", (_name, fixture, answer, message) => {
    const checked = kinds.answerSchemaFor(parse(fixture)).safeParse(answer, { reportInput: true });
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((i) => i.message)).toEqual([message]);
  });
});

describe("allowed values, as `rubrics show` and the plan schema list them", () => {
  it.each([
    [
      choice,
      {
        type: "string",
        values: [
          { value: "none", label: "Nobody", score: 0 },
          { value: "some", label: "Some teams", score: 0.4 },
          { value: "all", label: "Everyone", score: 1 },
        ],
      },
    ],
    [
      multi,
      {
        type: "array",
        values: [
          { value: "listen", label: "We listen", score: 0.5 },
          { value: "answer", label: "We answer", score: 0.25 },
          { value: "thank", label: "We thank promoters", score: 0.75 },
        ],
        cap: 1.5,
      },
    ],
    [cappedMulti, expect.objectContaining({ type: "array", cap: 1 })],
    [bool, { type: "boolean", scores: { yes: 1, no: 0 } }],
    [invertedBool, { type: "boolean", scores: { yes: 0.2, no: 0.9 } }],
    [
      scale,
      {
        type: "integer",
        min: 1,
        max: 5,
        labels: ["never", "rarely", "sometimes", "often", "always"],
      },
    ],
    [
      boundedNumber,
      {
        type: "number",
        unit: "posts",
        min: 10,
        max: 20,
        bands: [
          { from: 10, to: 15, score: 0.3 },
          { from: 15, to: 21, score: 0.8 },
        ],
      },
    ],
    [text, { type: "string", maxLength: MAX_TEXT_ANSWER }],
  ] as [Fixture, unknown][])("%#: %o", (fixture, expected) => {
    expect(kinds.allowedValues(parse(fixture))).toStrictEqual(expected);
  });
});

describe("kind dispatch", () => {
  it("knows exactly six kinds, of which only text is unscored", () => {
    expect(kinds.QUESTION_KINDS).toEqual(["choice", "multi", "boolean", "scale", "number", "text"]);
    expect([choice, multi, bool, scale, number, text].map((f) => kinds.isScored(parse(f)))).toEqual(
      [true, true, true, true, true, false],
    );
  });

  it("builds a question's answer schema once and reuses it", () => {
    const q = parse(choice);
    expect(kinds.answerSchemaFor(q)).toBe(kinds.answerSchemaFor(q));
    // A question equal in content but a different object gets its own schema.
    expect(kinds.answerSchemaFor(parse(choice))).not.toBe(kinds.answerSchemaFor(q));
  });

  it("keeps every score within 0..1, even for an answer no schema checked", () => {
    const score = (f: Fixture, answer: Answer) =>
      kinds.scoreAnswer(parse(f) as ScoredQuestion, answer);
    expect(score(scale, 7)).toBe(1);
    expect(score(scale, -1)).toBe(0);
    expect(score(choice, "unknown")).toBe(0);
    expect(score(number, -5)).toBe(0);
    // An unscored kind reaching the scorer earns nothing rather than throwing.
    expect(score(text, "x")).toBe(0);
  });

  it("describes an answer no option matches by the answer itself", () => {
    expect(kinds.describeAnswer(parse(choice), "retired")).toBe("retired");
    expect(kinds.describeAnswer(parse(multi), ["listen", "retired"])).toBe("We listen; retired");
    expect(kinds.describeAnswer(parse(scale), 9)).toBe("9 ()");
  });
});

describe("multi caps", () => {
  it("default to the sum of all options and take an explicit cap as is", () => {
    const cap = (f: Fixture) => multiKind.multiCap(parse(f) as MultiQuestion);
    expect(cap(multi)).toBe(1.5);
    expect(cap(cappedMulti)).toBe(1);
    expect(cap(zeroMulti)).toBe(0);
  });
});

describe("number bands", () => {
  it.each([
    [0, 0],
    [1.99, 0],
    [2, 1],
    [23.99, 1],
    [24, 2],
    [1e9, 2],
  ])("%d falls in band %d", (value, index) => {
    const q = parse(number) as NumberQuestion;
    expect(numberKind.bandFor(q, value)).toBe(q.bands[index]);
  });

  it("leave a value below every band without one", () => {
    expect(numberKind.bandFor(parse(number) as NumberQuestion, -0.01)).toBeUndefined();
    expect(numberKind.bandFor(parse(boundedNumber) as NumberQuestion, 21)).toBeUndefined();
  });
});

interface SchemaCase {
  name: string;
  raw: Record<string, unknown>;
  /** Every problem, in order; empty when the entry is valid. */
  problems: { path: (string | number)[]; message: string }[];
}

const bands = (...list: object[]) => list;
const numberQ = (min: number, max: number, list: object[]) => ({
  kind: "number",
  unit: "h",
  min,
  max,
  bands: list,
});

const schemaCases: SchemaCase[] = [
  // number: band tiling
  {
    name: "number bands that tile min..max",
    raw: numberQ(0, 10, bands({ from: 0, to: 5, score: 0 }, { from: 5, to: 11, score: 1 })),
    problems: [],
  },
  {
    name: "number band starting exactly at min, open-ended last",
    raw: numberQ(3, 10, bands({ from: 3, score: 1 })),
    problems: [],
  },
  {
    name: "number max equal to min",
    raw: numberQ(5, 5, bands({ from: 5, score: 1 })),
    problems: [{ path: ["max"], message: "must be greater than min (5)" }],
  },
  {
    name: "number max below min",
    raw: numberQ(5, 4, bands({ from: 5, score: 1 })),
    problems: [{ path: ["max"], message: "must be greater than min (5)" }],
  },
  {
    name: "number max below the default min of 0",
    raw: { kind: "number", unit: "h", max: -1, bands: [{ from: 0, score: 1 }] },
    problems: [{ path: ["max"], message: "must be greater than min (0)" }],
  },
  {
    name: "number without bands",
    raw: numberQ(0, 10, []),
    problems: [{ path: ["bands"], message: "needs at least one band" }],
  },
  {
    name: "number band ending where it starts",
    raw: numberQ(0, 10, bands({ from: 0, to: 0, score: 0 }, { from: 0, score: 1 })),
    problems: [{ path: ["bands", 0, "to"], message: "must be greater than from (0)" }],
  },
  {
    name: "number first band starting above min",
    raw: numberQ(0, 10, bands({ from: 1, score: 1 })),
    problems: [
      {
        path: ["bands", 0, "from"],
        message: "the first band must start at min (0); values from 0 to 1 would have no score",
      },
    ],
  },
  {
    name: "number open-ended band before the last",
    raw: numberQ(0, 10, bands({ from: 0, score: 0 }, { from: 5, score: 1 })),
    problems: [
      { path: ["bands", 0, "to"], message: "only the last band may be open-ended (no `to`)" },
    ],
  },
  {
    name: "number bands with a gap",
    raw: numberQ(0, 10, bands({ from: 0, to: 2, score: 0 }, { from: 3, score: 1 })),
    problems: [
      {
        path: ["bands", 1, "from"],
        message: "gap: the previous band ends at 2 but this one starts at 3",
      },
    ],
  },
  {
    name: "number bands that overlap",
    raw: numberQ(0, 10, bands({ from: 0, to: 5, score: 0 }, { from: 4, score: 1 })),
    problems: [
      {
        path: ["bands", 1, "from"],
        message: "overlap: the previous band ends at 5 but this one starts at 4",
      },
    ],
  },
  {
    name: "number last band ending exactly at max",
    raw: numberQ(0, 10, bands({ from: 0, to: 10, score: 1 })),
    problems: [
      {
        path: ["bands", 0, "to"],
        message: "the last band must reach beyond max (10), or leave out `to`",
      },
    ],
  },
  {
    name: "number last band ending before max",
    raw: numberQ(0, 10, bands({ from: 0, to: 5, score: 0 }, { from: 5, to: 8, score: 1 })),
    problems: [
      {
        path: ["bands", 1, "to"],
        message: "the last band must reach beyond max (10), or leave out `to`",
      },
    ],
  },
  {
    name: "number band with a score above 1",
    raw: numberQ(0, 10, bands({ from: 0, score: 1.5 })),
    problems: [{ path: ["bands", 0, "score"], message: "must be from 0 to 1" }],
  },
  {
    name: "number band bounds that are not numbers",
    raw: numberQ(0, 10, bands({ from: "0", to: "5", score: 0 }, { from: 5, score: 1 })),
    problems: [
      { path: ["bands", 0, "from"], message: "must be a number" },
      { path: ["bands", 0, "to"], message: "must be a number" },
    ],
  },
  {
    name: "number bounds that are not numbers",
    raw: { kind: "number", unit: "h", min: "0", bands: [{ from: 0, score: 1 }] },
    problems: [
      { path: ["min"], message: "must be a number" },
      { path: ["max"], message: "must be a number" },
    ],
  },
  // scale
  {
    name: "scale with the default 1..5",
    raw: { kind: "scale", labels: ["a", "b", "c", "d", "e"] },
    problems: [],
  },
  {
    name: "scale of 11 points",
    raw: { kind: "scale", min: 0, max: 10, labels: "abcdefghijk".split("") },
    problems: [],
  },
  {
    name: "scale of 6 points high up the number line",
    raw: { kind: "scale", min: 5, max: 10, labels: "abcdef".split("") },
    problems: [],
  },
  {
    name: "scale with a fractional min",
    raw: { kind: "scale", min: 0.5, max: 3, labels: ["a"] },
    problems: [{ path: ["min"], message: "must be a whole number" }],
  },
  {
    name: "scale of 12 points",
    raw: { kind: "scale", min: 0, max: 11, labels: "abcdefghijkl".split("") },
    problems: [{ path: ["max"], message: "a scale may have at most 11 points" }],
  },
  {
    name: "scale max equal to min",
    raw: { kind: "scale", min: 3, max: 3, labels: ["a"] },
    problems: [{ path: ["max"], message: "must be greater than min (3)" }],
  },
  {
    name: "scale with a label too many",
    raw: { kind: "scale", min: 1, max: 3, labels: ["a", "b", "c", "d"] },
    problems: [{ path: ["labels"], message: "needs one label per point: 3 for 1..3, found 4" }],
  },
  {
    name: "scale with a fractional bound",
    raw: { kind: "scale", min: 1, max: 4.5, labels: ["a"] },
    problems: [{ path: ["max"], message: "must be a whole number" }],
  },
  // choice
  {
    name: "choice with one choice",
    raw: { kind: "choice", choices: [{ value: "a", label: "A", score: 1 }] },
    problems: [{ path: ["choices"], message: "needs at least two choices" }],
  },
  {
    name: "choice with a value used twice",
    raw: {
      kind: "choice",
      choices: [
        { value: "a", label: "A", score: 0 },
        { value: "b", label: "B", score: 0.5 },
        { value: "a", label: "A again", score: 1 },
      ],
    },
    problems: [{ path: ["choices", 2, "value"], message: 'duplicate value "a"' }],
  },
  // multi
  {
    name: "multi with one option",
    raw: { kind: "multi", options: [{ value: "a", label: "A", score: 1 }] },
    problems: [{ path: ["options"], message: "needs at least two options" }],
  },
  {
    name: "multi with a cap of 0",
    raw: {
      kind: "multi",
      options: [
        { value: "a", label: "A", score: 1 },
        { value: "b", label: "B", score: 1 },
      ],
      cap: 0,
    },
    problems: [{ path: ["cap"], message: "must be a number greater than 0" }],
  },
  // kind
  {
    name: "an unknown kind, answered with the known ones",
    raw: { kind: "slider" },
    problems: [
      {
        path: ["kind"],
        message: 'kind must be one of "choice", "multi", "boolean", "scale", "number", "text"',
      },
    ],
  },
  // boolean
  {
    name: "boolean with a score out of range",
    raw: { kind: "boolean", scores: { yes: 2, no: 0 } },
    problems: [{ path: ["scores", "yes"], message: "must be from 0 to 1" }],
  },
];

describe("question schemas: what a rubric author is told", () => {
  it.each(schemaCases)("$name", ({ raw, problems }) => {
    const result = kinds.QuestionSchema.safeParse({ ...base, ...raw });
    expect(
      result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message })),
    ).toEqual(problems);
  });

  it("marks the rules zod cannot check itself as custom issues", () => {
    const codes = (raw: Record<string, unknown>) =>
      kinds.QuestionSchema.safeParse({ ...base, ...raw }).error?.issues.map((i) => i.code);
    expect(codes(numberQ(5, 5, bands({ from: 5, score: 1 })))).toEqual(["custom"]);
    expect(codes(numberQ(0, 10, bands({ from: 1, score: 1 })))).toEqual(["custom"]);
    expect(codes({ kind: "scale", min: 3, max: 3, labels: ["a"] })).toEqual(["custom"]);
    expect(codes({ kind: "scale", min: 0, max: 11, labels: ["a"] })).toEqual(["custom"]);
    expect(codes({ kind: "scale", labels: ["a"] })).toEqual(["custom"]);
    expect(
      codes({
        kind: "choice",
        choices: [
          { value: "a", label: "A", score: 0 },
          { value: "a", label: "B", score: 1 },
        ],
      }),
    ).toEqual(["custom"]);
  });

  it("fills in defaults: boolean scores, scale bounds, number min, text single-line", () => {
    expect(parse(bool)).toMatchObject({ scores: { yes: 1, no: 0 } });
    expect(parse(scale)).toMatchObject({ min: 1, max: 5 });
    expect(parse(number)).toMatchObject({ min: 0 });
    expect(parse(text)).toMatchObject({ multiline: false });
  });

  it("reports several band problems at once, each where it is", () => {
    expect(
      numberKind
        .bandProblems(
          [
            { from: 1, to: 3 },
            { from: 4, to: 4 },
            { from: 2, to: 9 },
          ],
          0,
          10,
        )
        .map((p) => p.path),
    ).toEqual([
      ["bands", 0, "from"],
      ["bands", 1, "to"],
      ["bands", 1, "from"],
      ["bands", 2, "from"],
      ["bands", 2, "to"],
    ]);
    expect(numberKind.bandProblems([], 0, 10)).toEqual([]);
  });
});

describe("number units after a count", () => {
  it.each([
    [1, "hours per week", "hour per week"],
    [1, "days", "day"],
    [1, "times a week", "time a week"],
    [1, "%", "%"],
    [1, "people", "people"],
    [1, "status updates", "status updates"],
    [1, "bus trips", "bus trips"],
    [2, "hours per week", "hours per week"],
    [0, "hours", "hours"],
    [1.5, "hours", "hours"],
  ])("%s %s -> %s", (count, unit, expected) => {
    expect(unitAfter(count, unit)).toBe(expected);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { UserError, type Diagnostic } from "../../src/errors.js";
import { parseRubricText } from "../../src/io/load-rubrics.js";
import { parsePlan } from "../../src/io/load-plan.js";
import { MAX_PROBLEMS } from "../../src/io/yaml-document.js";
import { builtinRubrics } from "../helpers.js";

/** The diagnostics a plan's text is refused with; fails the test if it is accepted. */
async function refusal(text: string): Promise<UserError> {
  const rubrics = await builtinRubrics();
  try {
    parsePlan(text, "plan.yaml", rubrics);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("the plan was accepted");
}

const where = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}`;

describe("plan errors: all at once, in file order, each at its place", () => {
  it("reports problems in every field together, sorted by line, with suggestions", async () => {
    const error = await refusal(
      [
        "organization: Acme", // 1
        "answers:", // 2
        "  presence:", // 3
        "    genuine-tone: 9", // 4: out of range
        "    named-peple: named-people", // 5: unknown question, near "named-people"
        "  planing:", // 6: unknown dimension, near "planning"
        "    x: 1",
        "date: soon", // 8: not a date
        "organiztion: Typo Ltd", // 9: unknown field, near "organization"
        "",
      ].join("\n"),
    );
    const lines = error.diagnostics.map((d) => d.line);
    expect(lines).toEqual([4, 5, 6, 8, 9]);
    expect(lines).toEqual([...lines].sort((a, b) => (a ?? 0) - (b ?? 0)));
    for (const d of error.diagnostics) {
      expect(d.file).toBe("plan.yaml");
      expect(d.column).toBeGreaterThan(0);
    }
    const messages = error.diagnostics.map((d) => `${where(d)} ${d.message}`);
    expect(messages[1]).toMatch(
      /^plan\.yaml:5:\d+ unknown question "named-peple".*did you mean "named-people"/,
    );
    expect(messages[2]).toMatch(
      /^plan\.yaml:6:\d+ unknown dimension "planing".*did you mean "planning"/,
    );
    expect(messages[3]).toMatch(/^plan\.yaml:8:7 must be a date/);
    expect(messages[4]).toMatch(
      /^plan\.yaml:9:14 unknown field "organiztion".*did you mean "organization"/,
    );
  });

  it("still checks the answers when the organization is missing", async () => {
    const error = await refusal("answers:\n  presence:\n    genuine-tone: nine\n");
    const messages = error.diagnostics.map((d) => d.message);
    expect(messages.some((m) => /organization|required/.test(m))).toBe(true);
    expect(error.diagnostics.some((d) => d.line === 3)).toBe(true);
  });

  it("reports a list or mapping used as a key at its place, and no Node warning is printed", async () => {
    const warn = vi.spyOn(process, "emitWarning");
    const error = await refusal(
      "organization: Acme\nanswers:\n  presence:\n    [a, b]: 1\n    ? {c: 1}\n    : 2\n",
    );
    expect(warn).not.toHaveBeenCalled();
    expect(error.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [4, 5, "a key must be a name, not a list"],
      [5, 7, "a key must be a name, not a mapping"],
    ]);
  });

  it("reports a key that is an alias of a mapping, without a warning", async () => {
    const warn = vi.spyOn(process, "emitWarning");
    const error = await refusal("base: &m {a: 1}\norganization: Acme\nother:\n  *m : 1\n");
    expect(warn).not.toHaveBeenCalled();
    expect(error.diagnostics[0]).toMatchObject({ line: 4, message: /not a mapping/ });
  });

  it("reports duplicate keys at the second one, including keys JavaScript would merge", async () => {
    const error = await refusal(
      "organization: Acme\nanswers:\n  presence:\n    1: a\n    '1': b\n    named-people: x\n    named-people: y\n",
    );
    expect(error.diagnostics.map((d) => [d.line, d.column])).toEqual([
      [5, 5],
      [7, 5],
    ]);
    expect(error.diagnostics[1]?.message).toMatch(/^Map keys must be unique: "named-people"/);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });
});

// Linear time is the bench's to show; the logic these reach has small tests of its own, and
// under mutation testing each of these would take seconds per mutant of the plan validator.
describe.skipIf(process.env.SOCIAL_AUDIT_MUTATION_RUN === "1")("plan errors at scale", () => {
  it(`lists ${MAX_PROBLEMS - 1} of 50,000 unknown keys in file order and counts the rest`, async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `unknown-${i}: ${i}`);
    const error = await refusal(`organization: Acme\n${keys.join("\n")}\n`);
    expect(error.diagnostics).toHaveLength(MAX_PROBLEMS);
    expect(error.diagnostics.slice(0, 3).map((d) => d.line)).toEqual([2, 3, 4]);
    expect(error.diagnostics.at(-1)?.message).toMatch(/and 49,951 more problems/);
  });

  it("finishes 50,000 unknown questions in one dimension", async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `    q-${i}: 1`);
    const error = await refusal(`organization: Acme\nanswers:\n  presence:\n${keys.join("\n")}\n`);
    expect(error.diagnostics).toHaveLength(MAX_PROBLEMS);
    expect(error.diagnostics[0]).toMatchObject({ line: 4, column: 10 });
  });

  it("finishes 50,000 duplicate keys", async () => {
    const keys = Array.from({ length: 50_000 }, () => "same: 1");
    const error = await refusal(`organization: Acme\n${keys.join("\n")}\n`);
    expect(error.diagnostics).toHaveLength(MAX_PROBLEMS);
    expect(error.diagnostics[0]).toMatchObject({ line: 3, column: 1 });
  });
});

describe("rubric errors", () => {
  const rubric = (questions: string) =>
    [
      "id: custom",
      'version: "1.0.0"',
      "title: Custom",
      "description: A custom dimension.",
      "existing: Accounts exist.",
      "living: People talk.",
      "weight: 1",
      "questions:",
      questions,
      "",
    ].join("\n");

  it("suggests the near kind for kind: choise, at its line", () => {
    const result = parseRubricText(
      rubric("  - id: q\n    kind: choise\n    prompt: Is it?\n"),
      "custom.yaml",
      false,
      false,
    );
    expect(result.kind).toBe("invalid");
    if (result.kind !== "invalid") return;
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      file: "custom.yaml",
      line: 10,
      message: expect.stringMatching(
        /kind must be one of .*got "choise" \(did you mean "choice"\?\)/,
      ),
    });
  });

  it("reports every problem of a rubric at once, sorted by line", () => {
    const result = parseRubricText(
      rubric("  - id: q\n    kind: choise\n    prompt: Is it?\n").replace(
        "weight: 1",
        "weight: heavy\ntitel: x",
      ),
      "custom.yaml",
      false,
      false,
    );
    expect(result.kind).toBe("invalid");
    if (result.kind !== "invalid") return;
    const lines = result.diagnostics.map((d) => d.line ?? 0);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(result.diagnostics.map((d) => d.message).join("\n")).toMatch(/did you mean "title"/);
  });
});

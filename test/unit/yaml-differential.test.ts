import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/io/yaml-document.js";
import { parseYamlFast } from "../../src/io/yaml-fast.js";
import { planTemplate } from "../../src/render/plan-template.js";
import { ROOT, builtinRubrics } from "../helpers.js";
import { mappingPaths } from "./mut-yaml-helpers.js";
import {
  UNICODE_SPACES,
  hostileDocument,
  seeded,
  stringifiedPlan,
  type Random,
} from "./yaml-corpus.js";

/** Deep equality as YAML means it: -0 is not 0, NaN is NaN, key order counts. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k, i) =>
      k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

type Verdict =
  { verdict: "declined" } | { verdict: "agreed" } | { verdict: "differs"; why: string };

/** Whatever the fast reader accepts, `yaml` must read to the same data and positions. */
function compare(text: string): Verdict {
  const fast = parseYamlFast(text);
  if (!fast) return { verdict: "declined" };
  let exact;
  try {
    exact = parseYaml(text, "t.yaml");
  } catch (error) {
    return { verdict: "differs", why: `yaml refuses it: ${(error as Error).message}` };
  }
  if (!same(fast.data, exact.data))
    return {
      verdict: "differs",
      why: `data: fast ${JSON.stringify(fast.data)} yaml ${JSON.stringify(exact.data)}`,
    };
  for (const path of mappingPaths(fast.data)) {
    const a = fast.locate(path);
    const b = exact.locate(path);
    if (a?.line !== b?.line || a?.column !== b?.column)
      return {
        verdict: "differs",
        why: `position of ${path.join(".")}: fast ${JSON.stringify(a)} yaml ${JSON.stringify(b)}`,
      };
  }
  return { verdict: "agreed" };
}

interface Tally {
  agreed: number;
  declined: number;
  mismatches: { text: string; why: string }[];
}

function run(count: number, make: (random: Random, i: number) => string, seed: number): Tally {
  const random = seeded(seed);
  const tally: Tally = { agreed: 0, declined: 0, mismatches: [] };
  for (let i = 0; i < count; i++) {
    const text = make(random, i);
    const result = compare(text);
    if (result.verdict === "agreed") tally.agreed++;
    else if (result.verdict === "declined") tally.declined++;
    else if (tally.mismatches.length < 5) tally.mismatches.push({ text, why: result.why });
    else tally.mismatches.length++;
  }
  return tally;
}

const DOCUMENTS = Number(process.env.FAST_YAML_DOCS ?? 100_000);
const SEED = Number(process.env.FAST_YAML_SEED ?? 20261126);

describe("fast YAML reader against yaml", () => {
  // In four parts of a quarter each, seeded apart, so each stays well inside the test timeout
  // on a busy machine and a failure says which part to replay.
  const PARTS = 4;
  const perPart = Math.ceil(DOCUMENTS / PARTS);
  it.each(Array.from({ length: PARTS }, (_, part) => part + 1))(
    `agrees on every hostile plan-shaped document it accepts: part %i of ${PARTS}, ${perPart} documents`,
    (part) => {
      const tally = run(perPart, hostileDocument, SEED + part);
      expect(tally.mismatches).toEqual([]);
      // The corpus must exercise both sides: enough accepted that agreement means something,
      // enough declined that the tricks are really in it.
      expect(tally.agreed).toBeGreaterThan(perPart * 0.15);
      expect(tally.declined).toBeGreaterThan(perPart * 0.2);
    },
  );

  it("agrees on every Unicode space class, wherever it sits", () => {
    const templates = [
      (s: string) => `organization: b${s}\n`,
      (s: string) => `organization: ${s}b\n`,
      (s: string) => `organization:${s}\n`,
      (s: string) => `organization: ${s}\n`,
      (s: string) => `organization: a${s}b\n`,
      (s: string) => `organization: ''${s}\n`,
      (s: string) => `organization: ""${s}\n`,
      (s: string) => `organization: 'a'${s}# c\n`,
      (s: string) => `organization${s}: b\n`,
      (s: string) => `${s}organization: b\n`,
      (s: string) => `organization: b\n${s}\n`,
      (s: string) => `organization: b\nanswers:\n  planning:\n${s}  training: 1\n`,
      (s: string) => `organization: |\n  text${s}\n`,
      (s: string) => `organization: >-\n  text\n  ${s}more\n`,
      (s: string) => `organization: |\n  a\n${s}\n  b\n`,
      (s: string) => `organization: long\n  text${s}\n  more\n`,
      (s: string) => `organization: long\n  ${s}\n  more\n`,
      (s: string) => `organization: [a${s}, b]\n`,
      (s: string) => `organization: [${s}]\n`,
      (s: string) => `organization:\n  - a${s}\n`,
      (s: string) => `organization:\n  -${s}a\n`,
      (s: string) => `organization: 1${s}\n`,
      (s: string) => `organization: true${s}\n`,
      (s: string) => `"org${s}": b\n`,
      (s: string) => `---${s}\norganization: b\n`,
    ];
    const mismatches: string[] = [];
    let agreed = 0;
    for (const space of UNICODE_SPACES) {
      for (const template of templates) {
        const text = template(space);
        const result = compare(text);
        if (result.verdict === "differs") mismatches.push(`${JSON.stringify(text)}: ${result.why}`);
        if (result.verdict === "agreed") agreed++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(agreed).toBeGreaterThan(UNICODE_SPACES.length * 5);
  });

  it.each([
    ["a trailing no-break space is content", "a: b\u00a0\n", { a: "b\u00a0" }],
    ["an ideographic space alone is content", "a: \u3000\n", { a: "\u3000" }],
    ["a thin space inside block text is kept", "a: |\n  x\u2009\n", { a: "x\u2009\n" }],
    ["a narrow no-break space before a comment", "a: b\u202f # c\n", { a: "b\u202f" }],
    ["folded plain text", "a: one\n  two\n\n  three\nb: 1\n", { a: "one two\nthree", b: 1 }],
    ["folded list item", "a:\n  - one\n    two\n  - three\n", { a: ["one two", "three"] }],
  ])("reads exactly what yaml reads: %s", (_name, text, data) => {
    expect(compare(text)).toEqual({ verdict: "agreed" });
    expect(parseYamlFast(text)?.data).toEqual(data);
  });

  it.each([
    ["two document markers", "---\n---\na: 1\n"],
    ["a marker after content", "a: 1\n---\nb: 2\n"],
    ["a stray quote after a quoted value", "a: ''\u3000\n"],
    ["a no-break space as the separator after the colon", "a:\u00a0b\n"],
    ["a comment inside folded plain text", "a: one\n  # c\n  two\n"],
  ])("leaves it to yaml: %s", (_name, text) => {
    expect(parseYamlFast(text)).toBeUndefined();
  });
});

describe("fast YAML reader: the path real plans take", () => {
  it("accepts every shipped example and the init template, agreeing with yaml", async () => {
    const rubrics = await builtinRubrics();
    const texts: [string, string][] = [
      "bakery",
      "bike-shop",
      "accounting-firm",
      "b2b-living",
      "progress/bike-shop-march",
      "custom/agency-client",
    ].map((name) => [name, readFileSync(`${ROOT}/examples/${name}.yaml`, "utf8")]);
    texts.push([
      "init template",
      planTemplate(rubrics, {
        organization: 'Acme O\'Brien: "Bikes"',
        date: "2026-11-26",
        schemaRef: "https://example.org/plan.schema.json",
      }),
    ]);
    for (const [name, text] of texts) expect(compare(text), name).toEqual({ verdict: "agreed" });
  });

  it("accepts at least 95% of realistic plans written by yaml.stringify, folded text and all", async () => {
    const rubrics = await builtinRubrics();
    const count = 300;
    const tally = run(count, (random) => stringifiedPlan(random, rubrics), SEED);
    expect(tally.mismatches).toEqual([]);
    expect(tally.agreed / count).toBeGreaterThanOrEqual(0.95);
  });
});

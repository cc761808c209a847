import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import type { Path } from "../../src/core/schema-parts.js";
import { parseYamlFast } from "../../src/io/yaml-fast.js";
import { parseYaml } from "../../src/io/yaml-document.js";
import { ROOT, builtinRubrics } from "../helpers.js";

/** Every path a report asks about: each dimension and each of its questions, answered or not. */
async function answerPaths(): Promise<Path[]> {
  const rubrics = await builtinRubrics();
  return rubrics.dimensions.flatMap(({ rubric }) => [["answers", rubric.id], ...rubric.questions.map((q) => ["answers", rubric.id, q.id])]);
}

/** The fast path must either decline or agree exactly with `yaml` on data and positions. */
async function expectAgreement(text: string) {
  const fast = parseYamlFast(text);
  let exact;
  try {
    exact = parseYaml(text, "t.yaml");
  } catch {
    expect(fast, "fast path accepted what yaml refuses").toBeUndefined();
    return "declined";
  }
  if (!fast) return "declined";
  expect(fast.data).toEqual(exact.data);
  for (const path of await answerPaths()) {
    const position = fast.locate(path);
    if (position) expect(position, path.join(".")).toEqual(exact.locate(path));
  }
  return "agreed";
}

const files = [
  ...readdirSync(`${ROOT}/examples`).filter((f) => f.endsWith(".yaml")).map((f) => `${ROOT}/examples/${f}`),
  ...readdirSync(`${ROOT}/test/fixtures/plans`).map((f) => `${ROOT}/test/fixtures/plans/${f}`),
  ...readdirSync(`${ROOT}/test/fixtures/bad/plans`).map((f) => `${ROOT}/test/fixtures/bad/plans/${f}`),
];

describe("fast YAML path", () => {
  it.each(files.map((f) => [f.replace(`${ROOT}/`, ""), f]))("%s: declines or agrees with yaml", async (_name, file) => {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return;
    }
    await expectAgreement(text);
  });

  it("takes the fast path for every shipped example", async () => {
    for (const name of ["bakery", "bike-shop", "accounting-firm", "b2b-living"]) {
      expect(await expectAgreement(readFileSync(`${ROOT}/examples/${name}.yaml`, "utf8")), name).toBe("agreed");
    }
  });

  it("agrees with yaml on arbitrary plan-shaped documents in several styles", async () => {
    const rubrics = await builtinRubrics();
    const ids = rubrics.dimensions.flatMap((d) => d.rubric.questions.map((q) => q.id));
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom("yes", "0o17", "1_000", ".inf", "~", "2026-01-01", "a: b", "# x", "- y", "'q'", '"d"', "x\ny", " lead", "trail "));
    const answer = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
    const doc = fc.record({
      organization: scalar,
      notes: scalar,
      answers: fc.dictionary(fc.constantFrom(...rubrics.dimensions.map((d) => d.rubric.id)), fc.oneof(fc.dictionary(fc.constantFrom(...ids), answer), fc.constant(null))),
    });
    const style = fc.record({ collectionStyle: fc.constantFrom("any" as const, "block" as const, "flow" as const), indent: fc.constantFrom(2, 4), lineWidth: fc.constantFrom(0, 20, 80) });
    await fc.assert(
      fc.asyncProperty(doc, style, async (value, options) => {
        const text = stringify(value, options);
        await expectAgreement(text);
      }),
      { numRuns: Number(process.env.FAST_YAML_RUNS ?? 300) },
    );
  });
});

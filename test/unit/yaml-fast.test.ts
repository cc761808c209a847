import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import type { Path } from "../../src/core/schema-parts.js";
import { parseYamlFast } from "../../src/io/yaml-fast.js";
import { parseYaml } from "../../src/io/yaml-document.js";
import { UserError } from "../../src/errors.js";
import { ROOT, builtinRubrics } from "../helpers.js";

/** Every path a report asks about: each dimension and each of its questions, answered or not. */
async function answerPaths(): Promise<Path[]> {
  const rubrics = await builtinRubrics();
  return rubrics.dimensions.flatMap(({ rubric }) => [
    ["answers", rubric.id],
    ...rubric.questions.map((q) => ["answers", rubric.id, q.id]),
  ]);
}

/** The fast path must either decline or agree exactly with `yaml` on data and positions. */
async function expectAgreement(text: string) {
  const fast = parseYamlFast(text);
  let exact;
  try {
    exact = parseYaml(text, "t.yaml");
  } catch (error) {
    // Only a refusal of the document counts; any other exception is a bug and fails the test.
    if (!(error instanceof UserError)) throw error;
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
  ...readdirSync(`${ROOT}/examples`)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => `${ROOT}/examples/${f}`),
  ...readdirSync(`${ROOT}/test/fixtures/plans`).map((f) => `${ROOT}/test/fixtures/plans/${f}`),
  ...readdirSync(`${ROOT}/test/fixtures/bad/plans`).map(
    (f) => `${ROOT}/test/fixtures/bad/plans/${f}`,
  ),
];

describe("fast YAML path", () => {
  it.each(files.map((f) => [f.replace(`${ROOT}/`, ""), f]))(
    "%s: declines or agrees with yaml",
    async (_name, file) => {
      await expectAgreement(readFileSync(file, "utf8"));
    },
  );

  it.each([
    ["keep chomping at the end of the file", "notes: |+\n  alpha\n"],
    ["keep chomping with blank lines at the end", "notes: |+\n  alpha\n\n\n"],
    ["folded text with a blank line", "notes: >-\n  a\n\n  b\nanswers:\n"],
    ["literal text then a key", "notes: |\n  a\n   b\norganization: x\n"],
    [
      "an empty value followed by spaces",
      "organization: x\nanswers:\n  planning:\n    audience-first:   \n",
    ],
  ])("agrees with yaml on %s", async (_name, text) => {
    expect(await expectAgreement(text)).toBe("agreed");
  });

  it("takes the fast path for every shipped example", async () => {
    for (const name of ["bakery", "bike-shop", "accounting-firm", "b2b-living"]) {
      expect(
        await expectAgreement(readFileSync(`${ROOT}/examples/${name}.yaml`, "utf8")),
        name,
      ).toBe("agreed");
    }
  });

  it("agrees with yaml on arbitrary plan-shaped documents in several styles", async () => {
    const rubrics = await builtinRubrics();
    const ids = rubrics.dimensions.flatMap((d) => d.rubric.questions.map((q) => q.id));
    const scalar = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        "yes",
        "0o17",
        "1_000",
        ".inf",
        "~",
        "2026-01-01",
        "a: b",
        "# x",
        "- y",
        "'q'",
        '"d"',
        "x\ny",
        " lead",
        "trail ",
      ),
    );
    const answer = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
    const doc = fc.record({
      organization: scalar,
      notes: scalar,
      answers: fc.dictionary(
        fc.constantFrom(...rubrics.dimensions.map((d) => d.rubric.id)),
        fc.oneof(fc.dictionary(fc.constantFrom(...ids), answer), fc.constant(null)),
      ),
    });
    const style = fc.record({
      collectionStyle: fc.constantFrom("any" as const, "block" as const, "flow" as const),
      indent: fc.constantFrom(2, 4),
      lineWidth: fc.constantFrom(0, 20, 80),
    });
    const runs = Number(process.env.FAST_YAML_RUNS ?? 300);
    let agreed = 0;
    await fc.assert(
      fc.asyncProperty(doc, style, async (value, options) => {
        const text = stringify(value, options);
        if ((await expectAgreement(text)) === "agreed") agreed++;
      }),
      { numRuns: runs },
    );
    // Declining is allowed for odd documents, but a reader that declines everything fails.
    expect(agreed).toBeGreaterThan(runs * 0.2);
  });

  it("accepts and agrees with yaml on every block-style plan yaml.stringify writes from prose", async () => {
    // A corpus the reader must accept: prose, numbers, booleans, nulls and lists, in block
    // style at the widths people use, folded over several lines where the text is long.
    const rubrics = await builtinRubrics();
    const ids = rubrics.dimensions.flatMap((d) => d.rubric.questions.map((q) => q.id));
    const text = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9 ,.'()é-]{0,300}[A-Za-z0-9.)])?$/);
    const scalar = fc.oneof(
      text,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const doc = fc.record({
      organization: text,
      notes: text,
      answers: fc.dictionary(
        fc.constantFrom(...rubrics.dimensions.map((d) => d.rubric.id)),
        fc.dictionary(
          fc.constantFrom(...ids),
          fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })),
        ),
      ),
    });
    const style = fc.record({
      indent: fc.constantFrom(2, 4),
      lineWidth: fc.constantFrom(0, 20, 40, 80),
    });
    await fc.assert(
      fc.asyncProperty(doc, style, async (value, options) => {
        expect(await expectAgreement(stringify(value, options))).toBe("agreed");
      }),
      { numRuns: Number(process.env.FAST_YAML_RUNS ?? 300) },
    );
  });

  it("agrees with yaml or declines on hand-written plans: comments, quotes, block text, odd spacing", async () => {
    // Plans written the way people write them: each value in a style of its own, comments
    // anywhere, uneven indentation, CRLF. The text need not mean what was generated, only be
    // read the same way by both readers (or declined).
    const text = fc.constantFrom(
      "alpha",
      "two words",
      "it's",
      'say "hi"',
      "a#b",
      "a #b",
      "x: y",
      "x:y",
      "- z",
      "#x",
      "3",
      "-5",
      ".5",
      "1e3",
      "0x1F",
      "0o17",
      "~",
      "null",
      "True",
      "2026-01-01",
      " lead",
      "trail ",
      "",
      "é ü",
      "🙂 ok",
      "a\nb",
      "a\n\nb\n",
      "line\n",
      "tab\there",
      "back\\slash",
      "[x]",
      "{y}",
      "&a",
      "*b",
      "!t",
      "@",
      "%",
      "|",
      ">",
    );
    const scalar = fc.oneof(
      text,
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
      fc.boolean(),
      fc.constant(null),
    );
    const styleOf = fc.constantFrom(
      "plain",
      "single",
      "double",
      "literal",
      "literal-strip",
      "literal-keep",
      "folded",
      "folded-strip",
    );
    const value = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant("scalar" as const), scalar, style: styleOf }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("list" as const),
          items: fc.array(
            fc.record({ scalar, style: fc.constantFrom("plain", "single", "double") }),
            { maxLength: 3 },
          ),
          layout: fc.constantFrom("flow", "compact", "indented"),
        }),
      },
    );
    const extras = fc.record({
      comment: fc.constantFrom("", "", " # note", "# note", "  #note"),
      blankBefore: fc.boolean(),
      commentLineBefore: fc.constantFrom("", "", "# c", "  # c", "      # c"),
    });
    const entry = fc.record({
      key: fc.constantFrom(
        "audience-first",
        "training",
        "listening",
        "named-people",
        '"quoted key"',
        "'single key'",
        "true",
        "__proto__",
        "constructor",
      ),
      value,
      extras,
    });
    const doc = fc.record({
      header: fc.constantFrom("", "---\n", "# plan\n"),
      organization: fc.record({ scalar, style: styleOf }),
      dimensions: fc.array(
        fc.record({
          id: fc.constantFrom("planning", "presence", "commitment", "relationships"),
          entries: fc.array(entry, { maxLength: 4 }),
        }),
        { maxLength: 3 },
      ),
      width: fc.constantFrom(2, 3, 4),
      crlf: fc.boolean(),
    });

    const render = (scalar: unknown, style: string, indent: string): string => {
      if (typeof scalar !== "string") return ` ${String(scalar)}`;
      switch (style) {
        case "single":
          return ` '${scalar.replace(/'/g, "''")}'`;
        case "double":
          return ` ${JSON.stringify(scalar)}`;
        case "plain":
          return ` ${scalar}`;
        default: {
          const header = {
            literal: "|",
            "literal-strip": "|-",
            "literal-keep": "|+",
            folded: ">",
            "folded-strip": ">-",
          }[style];
          return ` ${header}\n${scalar
            .split("\n")
            .map((l) => `${indent}  ${l}`)
            .join("\n")}`;
        }
      }
    };

    const runs = Number(process.env.FAST_YAML_RUNS ?? 300) * 5;
    let agreed = 0;
    await fc.assert(
      fc.asyncProperty(doc, async ({ header, organization, dimensions, width, crlf }) => {
        const pad = (level: number) => " ".repeat(level * width);
        const lines = [
          `${header}organization:${render(organization.scalar, organization.style, "")}`,
          "answers:",
        ];
        for (const dimension of dimensions) {
          lines.push(`${pad(1)}${dimension.id}:`);
          for (const { key, value, extras } of dimension.entries) {
            if (extras.blankBefore) lines.push("");
            if (extras.commentLineBefore) lines.push(extras.commentLineBefore);
            const at = pad(2);
            if (value.kind === "scalar") {
              lines.push(
                `${at}${key}:${render(value.scalar, value.style, at)}${value.style === "plain" || value.style === "single" || value.style === "double" ? extras.comment : ""}`,
              );
            } else if (value.layout === "flow") {
              lines.push(
                `${at}${key}: [${value.items.map((i) => render(i.scalar, i.style, at).trim()).join(", ")}]${extras.comment}`,
              );
            } else {
              lines.push(`${at}${key}:`);
              const itemAt = value.layout === "compact" ? at : pad(3);
              for (const item of value.items)
                lines.push(`${itemAt}-${render(item.scalar, item.style, itemAt)}`);
            }
          }
        }
        const eol = crlf ? "\r\n" : "\n";
        const verdict = await expectAgreement(`${lines.join("\n")}\n`.replace(/\n/g, eol));
        if (verdict === "agreed") agreed++;
      }),
      { numRuns: runs },
    );
    expect(agreed).toBeGreaterThan(runs * 0.1);
  });
});

import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it, vi } from "vitest";
import { UserError } from "../../src/errors.js";
import { parsePlan } from "../../src/io/load-plan.js";
import { parseRubricText } from "../../src/io/load-rubrics.js";
import { escapeHtml, escapeXml } from "../../src/text/escape.js";
import { oneLine, stripControl } from "../../src/text/sanitize.js";
import { builtinRubrics } from "../helpers.js";

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  return {
    ...actual,
    openSync: (path: Parameters<typeof actual.openSync>[0], ...rest: unknown[]) => {
      if (String(path).endsWith("locked.yaml"))
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return (actual.openSync as (...args: unknown[]) => number)(path, ...rest);
    },
  };
});

describe("unreadable files", () => {
  it("say permission denied, as a UserError", async () => {
    // Fresh modules, so read-text sees the mocked fs even where test files share modules
    // (the mutation run does, for speed).
    vi.resetModules();
    const { readTextFile } = await import("../../src/io/read-text.js");
    await expect(readTextFile("/tmp/locked.yaml", "locked.yaml")).rejects.toThrow(
      new UserError("locked.yaml: permission denied"),
    );
  });
});

/** Plan-shaped documents with arbitrary values where the answers go, plus near-miss ids. */
function planDocument(ids: { dimensions: string[]; questions: string[] }) {
  const id = fc.oneof(
    fc.constantFrom(...ids.dimensions, ...ids.questions, "__proto__", "constructor", "prototype"),
    fc.string({ maxLength: 12 }),
  );
  return fc.record(
    {
      organization: fc.oneof(fc.string(), fc.anything()),
      date: fc.oneof(
        fc.string(),
        fc.date().map((d) => (Number.isNaN(d.getTime()) ? "x" : d.toISOString())),
      ),
      thresholds: fc.anything(),
      weights: fc.dictionary(id, fc.oneof(fc.double(), fc.anything())),
      answers: fc.oneof(
        fc.dictionary(id, fc.oneof(fc.dictionary(id, fc.anything()), fc.anything())),
        fc.anything(),
      ),
    },
    { requiredKeys: [] },
  );
}

describe("loader properties", () => {
  it("plan loader: arbitrary YAML documents give a plan or our typed error", async () => {
    const rubrics = await builtinRubrics();
    const ids = {
      dimensions: rubrics.dimensions.map((d) => d.rubric.id),
      questions: rubrics.dimensions.flatMap((d) => d.rubric.questions.map((q) => q.id)),
    };
    fc.assert(
      fc.property(planDocument(ids), (doc) => {
        let text: string;
        try {
          text = stringify(doc);
        } catch {
          return; // not every JS value is representable in YAML; nothing to load
        }
        try {
          const { plan } = parsePlan(text, "prop.yaml", rubrics);
          expect(typeof plan.organization).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 500 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rubric loader: arbitrary documents and strings give a rubric or diagnostics, never a throw", () => {
    const question = fc.record(
      {
        id: fc.string(),
        kind: fc.constantFrom("choice", "multi", "boolean", "scale", "number", "text", "x"),
        weight: fc.anything(),
        choices: fc.anything(),
        bands: fc.anything(),
        labels: fc.anything(),
      },
      { requiredKeys: [] },
    );
    const rubric = fc.record(
      {
        id: fc.string(),
        version: fc.string(),
        title: fc.anything(),
        weight: fc.anything(),
        questions: fc.array(question, { maxLength: 3 }),
        levels: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          rubric.map((r) => {
            try {
              return stringify(r);
            } catch {
              return "";
            }
          }),
          fc.string(),
          fc.string({ unit: "binary" }),
        ),
        fc.boolean(),
        (text, levels) => {
          const result = parseRubricText(text, "prop.yaml", false, levels);
          if (result.kind === "invalid") expect(result.diagnostics.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("escaping", () => {
  const hostile =
    "Evil\u001b]0;pwned\u0007 \u001b[2J\u001b[31mCorp\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ \u009b31m <b>&</b>\u202e";

  it("strips every escape sequence and control character for terminals", () => {
    const clean = stripControl(hostile);
    expect(clean).toBe("Evil Corplink  <b>&</b>");
    expect(clean).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(oneLine("a\nb\tc")).toBe("a b c");
  });

  it("escapes HTML and XML after stripping", () => {
    expect(escapeHtml(hostile)).toBe("Evil Corplink  &lt;b&gt;&amp;&lt;/b&gt;");
    // Characters outside XML's Char production are replaced (issue 16), no longer dropped.
    expect(escapeXml(`"quoted" 'single' \u0000 \ud800 ok`)).toBe(
      "&quot;quoted&quot; &#39;single&#39;  \ufffd ok",
    );
  });

  it("keeps property-based arbitrary text free of control characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(stripControl(text)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(escapeXml(text)).not.toMatch(/[<>&"'](?!amp;|lt;|gt;|quot;|#39;)/);
      }),
      { numRuns: 300 },
    );
  });
});

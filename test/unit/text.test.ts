import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, escapeXml, markdownCode, xmlChars } from "../../src/text/escape.js";
import { renderGrid } from "../../src/text/grid.js";
import { escapeControl, oneLine, quote, stripControl } from "../../src/text/sanitize.js";
import { displayWidth, wrapText } from "../../src/text/width.js";
import { commanderText, printError, printNodeWarning } from "../../src/cli/print-error.js";

const stripSgr = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");

/** Characters from every class the fast path must get right, and many it must hand over. */
const alphabet = fc.constantFrom(
  ..."abc XYZ 019 -.,;:!?'\"()[]{}/\\|~`".split(""),
  ..."éüßøñçÅÆŒœĳŋ".split(""),
  ..."αβγΩЖщЯєї".split(""),
  ..."█░▓─│┌┐└┘├┤┬┴┼".split(""),
  ..."–—‘’“”…•‰′″‹›".split(""),
  "\u00a0",
  "\u00ad",
  "\u0301",
  "\u0483",
  "\u200b",
  "\u200d",
  "\u2060",
  "\ufe0f",
  "日",
  "本",
  "ｱ",
  "Ａ",
  "한",
  "👍",
  "👩",
  "🇫",
  "🇷",
  "↔",
  "©",
  "™",
  "\u203c",
  "\u2049",
);

describe("displayWidth", () => {
  it("agrees with string-width on mixed scripts, marks, emoji and box drawing", () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 24 }), (chars) => {
        const text = chars.join("");
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("ignores colour codes and counts wide characters twice", () => {
    expect(displayWidth("\u001b[1mbold\u001b[22m")).toBe(4);
    expect(displayWidth("日本語")).toBe(6);
    expect(displayWidth("██░░")).toBe(4);
  });
});

describe("wrapText", () => {
  it("never exceeds the width and keeps every word, breaking only words wider than a line", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(alphabet, { minLength: 1, maxLength: 30 }), { maxLength: 30 }),
        fc.integer({ min: 2, max: 60 }),
        (words, width) => {
          const text = words.map((w) => w.join("").replace(/\s/g, "x")).join(" ");
          const lines = wrapText(text, width);
          for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
          expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keeps indentation on continuation lines and existing line breaks", () => {
    expect(wrapText("  Existing: one two three four", 16)).toEqual([
      "  Existing: one",
      "  two three four",
    ]);
    expect(wrapText("a\nb", 10)).toEqual(["a", "b"]);
  });
});

describe("renderGrid", () => {
  const columns = [
    { head: "#", align: "right" as const, wrap: false },
    { head: "Recommendation" },
    { head: "Dimension" },
    { head: "Gain", align: "right" as const, wrap: false },
  ];
  const long = "Put the goals, priorities, owners, voice and crisis steps on a few pages ".repeat(
    3,
  );
  const rows = [
    [
      "1",
      [{ text: "Write it down", style: (s: string) => `\u001b[1m${s}\u001b[22m` }, { text: long }],
      "Commitment",
      "+2.6",
    ],
    [
      "2",
      "Ａｃｍｅ 日本語のテキスト supercalifragilisticexpialidocious-and-then-some",
      "Relationships",
      "+10.0",
    ],
  ];

  for (const width of [30, 59, 60, 80, 100, 140])
    it(`fits ${width} columns, with and without colour`, () => {
      for (const head of [undefined, (s: string) => `\u001b[1m${s}\u001b[22m`]) {
        const out = renderGrid(columns, rows, { width, ...(head ? { head, border: head } : {}) });
        for (const line of stripSgr(out).split("\n"))
          expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(out.includes("┌")).toBe(width >= 60);
      }
    });

  it("keeps natural widths when the table fits", () => {
    const out = renderGrid([{ head: "A" }, { head: "B" }], [["x", "y"]], { width: 80 });
    expect(out.split("\n")[1]).toBe("│ A │ B │");
  });
});

describe("sanitising and escaping", () => {
  it("removes escape sequences, C1 controls and bidi overrides", () => {
    const hostile = "2026-01-01\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202eevil";
    expect(stripControl(hostile)).toBe("2026-01-01evil");
    expect(oneLine("a\n\n  b")).toBe("a b");
  });

  it("shows control characters in names as escapes, on one line", () => {
    const key = "zz\n::error file=README.md,line=1::INJECTED\n::add-mask::x";
    expect(escapeControl(key)).toBe("zz\\n::error file=README.md,line=1::INJECTED\\n::add-mask::x");
    expect(quote("a b\u001b[2J\u202e")).toBe(String.raw`"a b\e[2J\u202e"`);
  });

  it("replaces every character outside XML's Char production", () => {
    expect(xmlChars("a\uFFFEb\uFFFFc\u0001d\ud800e")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    expect(xmlChars("ok 😀 \t\n")).toBe("ok 😀 \t\n");
    expect(escapeXml("<t a='1'>\uFFFE")).toBe("&lt;t a=&#39;1&#39;&gt;\uFFFD");
  });

  it("keeps any file name inside one Markdown code span", () => {
    const name = "a`b\n\n<img src=x onerror=alert(1)>\n# heading``";
    const span = markdownCode(name);
    expect(span).not.toMatch(/\n/);
    expect(span.startsWith("```")).toBe(true);
    expect(span.endsWith("```")).toBe(true);
    expect(span.slice(3, -3)).not.toContain("```");
  });

  it("escapes Markdown syntax, HTML and entities in text", () => {
    expect(escapeMarkdown("# Head <b>x</b> &lt; *y*\n\n- item")).toBe(
      "\\# Head &lt;b&gt;x&lt;/b&gt; &amp;lt; \\*y\\* - item",
    );
    expect(escapeMarkdown("1. first")).toBe("1\\. first");
  });
});

describe("messages on stderr", () => {
  const capture = () => {
    let text = "";
    const io = {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (text += t) },
      stdin: process.stdin,
      env: {},
      cwd: "/",
    };
    return { io, text: () => text };
  };

  it("escapes file names, keys, messages and hints onto one line each", () => {
    const { io, text } = capture();
    const key = "zz\n::error file=README.md,line=1::INJECTED\u001b[2J";
    printError(
      io,
      `cannot read ${key}`,
      [{ file: `p\n::warning::x.yaml`, line: 1, path: key, message: key }],
      key,
    );
    expect(text().split("\n").filter(Boolean)).toHaveLength(3);
    expect(text()).not.toMatch(/^::/m);
    expect(text()).not.toContain("\u001b");
  });

  it("prints Node warnings in our style, made safe", () => {
    const { io, text } = capture();
    printNodeWarning(io, new Error('Keys with collection values: "\u001b]0;x\u0007\n::error::y"'));
    expect(text()).toMatch(
      /^social-audit: warning: Keys with collection values: "\\e\]0;x\\x07\\n::error::y"\n$/,
    );
  });

  it("escapes argv echoed in commander's errors", () => {
    expect(commanderText("error: unknown option '--a\n::error::b\u001b[2J'\n")).toBe(
      "error: unknown option '--a\\n::error::b\\e[2J'\n",
    );
  });
});

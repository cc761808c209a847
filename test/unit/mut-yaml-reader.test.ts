import { describe, expect, it, vi } from "vitest";
import { MAX_DEPTH } from "../../src/io/yaml-document.js";
import { parseYamlFast } from "../../src/io/yaml-fast.js";
import { expectAccepted, expectDeclined, yamlReads } from "./mut-yaml-helpers.js";

/*
 * The block structure of the fast reader, case by case: documents it must read (and read as
 * `yaml` does, positions included), and documents it must leave to `yaml`, each with what
 * `yaml` makes of it, so a reader that guessed instead of declining would be caught.
 */

/** `depth` mappings nested one in another: `k1:\n  k2:\n    ... kN: leaf`. */
function nested(depth: number): string {
  let text = "";
  for (let level = 1; level <= depth; level++)
    text += `${"  ".repeat(level - 1)}k${level}:${level === depth ? " leaf" : ""}\n`;
  return text;
}

describe("fast YAML reader: the block structure it must read as yaml does", () => {
  it.each([
    ["a leading document marker", "---\na: 1\n", { a: 1 }],
    ["a marker with a trailing space", "--- \na: 1\n", { a: 1 }],
    ["a marker after a comment", "# plan\n---\na: 1\n", { a: 1 }],
    [
      "markers and directives inside block text",
      "a: |\n  ---\n  ...\n  %x\n",
      { a: "---\n...\n%x\n" },
    ],
    ["a compact list at its key's indentation", "a:\n- x\n- y\nb: 1\n", { a: ["x", "y"], b: 1 }],
    ["an indented list", "a:\n  - x\n  -   y\nb: 1\n", { a: ["x", "y"], b: 1 }],
    [
      "a list of every scalar kind",
      "a:\n  - 'q'\n  - \"d\"\n  - 3\n  - ~\n  - b#\n",
      { a: ["q", "d", 3, null, "b#"] },
    ],
    ["a list item running on as plain text", "a:\n  - x\n    - y\n", { a: ["x - y"] }],
    ["a list in a nested mapping", "a:\n  b:\n    - x\n  c: 1\n", { a: { b: ["x"], c: 1 } }],
    [
      "empty values, with spaces after",
      "a:\nb:   \nc:\n  d:\n",
      { a: null, b: null, c: { d: null } },
    ],
    ["values after several spaces", "a:    x\nbb:  [1]\n", { a: "x", bb: [1] }],
    ["a value ending in #", "a: b#\n", { a: "b#" }],
    ["an empty flow mapping, then a comment", "a: {} # c\n", { a: {} }],
    ["text ending in {}", "a: x{}\n", { a: "x{}" }],
    ["keys with dots, dashes and underscores", "k.e-y_1: 1\n_k: 2\n", { "k.e-y_1": 1, _k: 2 }],
    [
      "quoted keys",
      '"quoted key": 1\n\'single key\': 2\n"true": 3\n',
      { "quoted key": 1, "single key": 2, true: 3 },
    ],
    ["a quoted key holding a colon", '"a: b": 1\n', { "a: b": 1 }],
    ["an empty quoted key", "'': 1\n", { "": 1 }],
    ["a quoted key over a mapping", '"k":\n  x: 1\n', { k: { x: 1 } }],
    ["literal text then a blank line and a key", "a: |\n  x\n\nb: 1\n", { a: "x\n", b: 1 }],
    ["keep chomping keeps the blank lines", "a: |+\n  x\n\nb: 1\n", { a: "x\n\n", b: 1 }],
    ["strip chomping, a blank line inside", "a: |-\n  x\n\n  y\n\nb: 1\n", { a: "x\n\ny", b: 1 }],
    ["folded text", "a: >\n  x\n  y\n\n  z\nb: 1\n", { a: "x y\nz\n", b: 1 }],
    ["a blank line of exactly the text's indentation", "a: |\n  x\n  \n  y\n", { a: "x\n\ny\n" }],
    ["a more-indented line in literal text", "a: |\n  x\n   y\n", { a: "x\n y\n" }],
    ["block text under a nested key", "a:\n  b: |\n    x\n  c: 1\n", { a: { b: "x\n", c: 1 } }],
    // Plans saved on Windows: CRLF line ends read as LF, also inside block text.
    [
      "CRLF line ends",
      "a: 1\r\nb:\r\n  - 'x'\r\nc: |\r\n  t\r\n\r\n  u\r\nd: >-\r\n  v\r\n  w\r\n",
      { a: 1, b: ["x"], c: "t\n\nu\n", d: "v w" },
    ],
    ["CRLF with a comment and no final line end", "# c\r\na: x # y\r\nb: 2", { a: "x", b: 2 }],
  ])("reads %s", (_name, text, data) => {
    expect(expectAccepted(text)).toStrictEqual(data);
  });

  it("reads mappings nested to the depth limit, as yaml does, and leaves one level more", () => {
    // yaml counts the leaf scalar as a level: 31 mappings and a leaf are its limit.
    expect(expectAccepted(nested(MAX_DEPTH - 1))).toBeTypeOf("object");
    const tooDeep = nested(MAX_DEPTH + 1);
    expect(yamlReads(tooDeep)).toBe("error");
    expectDeclined(tooDeep);
  });

  it("locates collections at their key and empty values at the end of their line", () => {
    const fast = parseYamlFast("a:\n  b: 1\nc:\n- x\nd:   \n");
    expect(fast?.locate(["a"])).toEqual({ line: 1, column: 1 });
    expect(fast?.locate(["a", "b"])).toEqual({ line: 2, column: 6 });
    expect(fast?.locate(["a", "b", "deeper"])).toEqual({ line: 2, column: 6 });
    expect(fast?.locate(["c"])).toEqual({ line: 3, column: 1 });
    expect(fast?.locate(["d"])).toEqual({ line: 5, column: 6 });
    expect(fast?.locate(["nope"])).toBeUndefined();
  });
});

describe("fast YAML reader: what it must leave to yaml", () => {
  it.each([
    // [name, document, what yaml reads ("error": yaml refuses it)]
    ["an empty document", "", null],
    ["a lone carriage return", "a: 1\rb: 2\n", "error"],
    ["a carriage return ending the text", "a: 1\r", { a: "1\r" }],
    ["a document of comments", "# c\n\n", null],
    ["a lone document marker", "---\n", null],
    ["two document markers", "---\n---\na: 1\n", "error"],
    ["a marker after content", "a: 1\n---\n", "error"],
    ["a document end marker", "a: 1\n...\n", { a: 1 }],
    ["a directive", "%YAML 1.2\n---\na: 1\n", { a: 1 }],
    ["an indented marker first", "  ---\na: 1\n", "error"],
    ["an indented first key", "  a: 1\n", { a: 1 }],
    ["a list below a deeper key, at the parent's indentation", "a:\n  b:\n- c\n", "error"],
    ["an empty list item", "a:\n  -\n", { a: [null] }],
    ["an empty list item with text below it", "a:\n  -\n    x\n", { a: ["x"] }],
    ["a nested list", "a:\n  - - x\n", { a: [["x"]] }],
    ["a comment as a list item", "a:\n  - # c\n", { a: [null] }],
    ["a deeper item after a comment", "a:\n  - x\n    # c\n    - y\n", "error"],
    ["a deeper line after a list", "a:\n  - 'x'\n    y\n", "error"],
    ["a value that is a comment", "a: # c\n", { a: null }],
    ["a list marker as a value", "a: -\n", "error"],
    ["a list item as a value", "a: - x\n", "error"],
    ["an explicit key as a value", "a: ? x\n", "error"],
    ["a colon as a value", "a: : x\n", "error"],
    ["a double-quoted value going on below", 'a: "x"\n  y\n', "error"],
    ["a single-quoted value going on below", "a: 'x'\n  y\n", "error"],
    ["a flow list going on below", "a: [x]\n  y\n", "error"],
    ["an empty flow mapping going on below", "a: {}\n  y\n", "error"],
    ["plain text with a comment going on below", "a: x # c\n  y\n", "error"],
    ["plain text going on with a key", "a: x\n  b: 1\n", "error"],
    ["a key with a backslash escape", '"a\\nb": 1\n', { "a\nb": 1 }],
    ["a key with a doubled quote", "'it''s': 1\n", { "it's": 1 }],
    ["an unterminated quoted key", '"abc: 1\n', "error"],
    ["text between a quoted key and its colon", '"a"x 1\n', "error"],
    ["a plain key that yaml reads as a boolean", "true: 1\n", { true: 1 }],
    ["a plain key that yaml reads as a number", "1: x\n", { 1: "x" }],
    ["a colon inside a plain key", "a:b: 1\n", { "a:b": 1 }],
    ["a scalar document", "a\n", "a"],
    ["a flow mapping", "a: {x: 1}\n", { a: { x: 1 } }],
    ["text after an empty flow mapping", "a: {}x\n", "error"],
  ])("%s", (_name, text, yaml) => {
    expect(yamlReads(text)).toStrictEqual(yaml);
    expectDeclined(text);
  });

  it.each([
    ["text running to the end of the file", "a: |\n  x", { a: "x\n" }],
    ["a last line of spaces, beyond the indentation", "a: |\n  x\n   ", { a: "x\n \n" }],
    ["keep chomping with spaces at the end", "a: |+\n  x\n\n  ", { a: "x\n\n" }],
    ["a blank first line", "a: |\n\n  x\n", { a: "\nx\n" }],
    ["a first line of spaces short of the text's", "a: |\n  \n    x\n", { a: "\nx\n" }],
    [
      "a blank line with spaces beyond the indentation",
      "a: |\n  x\n     \n  y\n",
      { a: "x\n   \ny\n" },
    ],
    ["an indentation indicator", "a: |2\n  x\n", { a: "x\n" }],
    ["a comment after the header", "a: | # c\n  x\n", { a: "x\n" }],
    ["an impossible header", "a: >|\n  x\n", "error"],
    ["a more-indented line under >", "a: >\n  x\n    y\n", { a: "x\n  y\n" }],
    ["no text at all", "a: |\nb: 1\n", { a: "", b: 1 }],
    [
      "a line between the key's and the text's indentation",
      "a:\n  b: |\n      x\n    y\n",
      "error",
    ],
  ])("block text: %s", (_name, text, yaml) => {
    expect(yamlReads(text)).toStrictEqual(yaml);
    expectDeclined(text);
  });
});

describe("fast YAML reader: failures that are not declines", () => {
  it("lets an unexpected error out instead of taking it for a decline", () => {
    // Declining is for documents; an error the reader did not mean to throw is a bug, and
    // must surface rather than quietly send every such plan to the slow path.
    const parse = vi.spyOn(JSON, "parse").mockImplementation(() => {
      throw new SyntaxError("unexpected");
    });
    try {
      expect(() => parseYamlFast('a: "x\\ny"\n')).toThrow("unexpected");
    } finally {
      parse.mockRestore();
    }
    expect(parseYamlFast('a: "x\\ny"\n')?.data).toEqual({ a: "x\ny" });
  });
});

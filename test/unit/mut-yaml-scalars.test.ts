import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolvePlain } from "../../src/io/yaml-fast-scalars.js";
import { expectAccepted, expectDeclined, yamlReads } from "./mut-yaml-helpers.js";

/*
 * The fast reader's scalars, case by case: plain scalars resolved by YAML 1.2's core schema
 * exactly as `yaml` resolves them, quoted scalars and one-line flow lists read as `yaml`
 * reads them, and the forms it must leave to `yaml` (with what `yaml` makes of each).
 */

describe("resolvePlain: YAML 1.2's core schema, as yaml resolves it", () => {
  it.each([
    // nulls and booleans: three spellings each, no others
    ["", null],
    ["~", null],
    ["null", null],
    ["Null", null],
    ["NULL", null],
    ["nULL", "nULL"],
    ["true", true],
    ["True", true],
    ["TRUE", true],
    ["tRUE", "tRUE"],
    ["false", false],
    ["False", false],
    ["FALSE", false],
    ["fALSE", "fALSE"],
    ["yes", "yes"],
    ["off", "off"],
    // integers: decimal, octal and hexadecimal, each only when the whole text matches
    ["0", 0],
    ["9", 9],
    ["42", 42],
    ["+1", 1],
    ["-1", -1],
    ["-0", -0],
    ["007", 7],
    ["1234567890123", 1234567890123],
    ["0o17", 15],
    ["0o78", "0o78"],
    ["10o7", "10o7"],
    ["0o", "0o"],
    ["0O17", "0O17"],
    ["0x1F", 31],
    ["0xff", 255],
    ["0x1G", "0x1G"],
    ["10x1F", "10x1F"],
    ["0x", "0x"],
    ["0X1F", "0X1F"],
    ["1_000", "1_000"],
    ["0b101", "0b101"],
    // infinities and NaN
    [".inf", Infinity],
    ["+.Inf", Infinity],
    ["-.INF", -Infinity],
    [".nan", NaN],
    [".NaN", NaN],
    [".NAN", NaN],
    ["-.nan", "-.nan"],
    ["1.nan", "1.nan"],
    ["1.inf", "1.inf"],
    [".iNF", ".iNF"],
    // floats
    [".5", 0.5],
    [".55", 0.55],
    ["-.5", -0.5],
    ["1.", 1],
    ["1.25", 1.25],
    ["1e3", 1000],
    ["1E-3", 0.001],
    ["+.5e+2", 50],
    ["-0.0", -0],
    ["1.2.3", "1.2.3"],
    ["1e", "1e"],
    ["e3", "e3"],
    [".", "."],
    ["+", "+"],
    ["+-1", "+-1"],
    ["12abc", "12abc"],
    ["2026-01-01", "2026-01-01"],
    // text
    ["alpha", "alpha"],
    ["two words", "two words"],
  ])("%j", (text, value) => {
    expect(parse(`a: ${text}\n`)).toStrictEqual({ a: value });
    expect(resolvePlain(text)).toStrictEqual(value);
  });
});

describe("fast YAML reader: scalars it must read as yaml does", () => {
  it.each([
    // quoted scalars
    ["single quotes", "a: 'x y'\n", "x y"],
    ["a doubled single quote", "a: 'it''s'\n", "it's"],
    ["two doubled single quotes", "a: '''x'''\n", "'x'"],
    ["empty single quotes", "a: ''\n", ""],
    ["single quotes, then a comment", "a: 'a' # c\n", "a"],
    ["single quotes, then two spaces and a comment", "a: 'x'  # c\n", "x"],
    ["single quotes keeping a backslash and a hash", "a: 'a\\b #c'\n", "a\\b #c"],
    ["double quotes", 'a: "plain"\n', "plain"],
    ["empty double quotes", 'a: ""\n', ""],
    ["JSON escapes", 'a: "x\\ny\\t\\"q\\" \\\\ \\/"\n', 'x\ny\t"q" \\ /'],
    ["a unicode escape", 'a: "\\u00e9t\\u00E9"\n', "été"],
    ["double quotes, then a comment", 'a: "x" # c\n', "x"],
    ["a quoted number stays text", "a: '12'\n", "12"],
    // plain scalars
    ["text and a comment", "a: x # c\n", "x"],
    ["a hash inside text", "a: x#y\n", "x#y"],
    ["a dash starting text", "a: -x\n", "-x"],
    ["a question mark starting text", "a: ?x\n", "?x"],
    ["a colon starting text", "a: :x\n", ":x"],
    ["a colon inside text", "a: x:y\n", "x:y"],
    ["a number and a comment", "a: 12 # c\n", 12],
    ["spaces before the comment", "a: x   # c\n", "x"],
    // one-line flow lists
    ["an empty flow list", "a: []\n", []],
    ["an empty flow list with spaces", "a: [  ]\n", []],
    ["an empty flow list, then a comment", "a: [] # c\n", []],
    [
      "a flow list of every kind",
      "a: [x, 'y', \"z\", 1, true, ~, .5]\n",
      ["x", "y", "z", 1, true, null, 0.5],
    ],
    ["quoted items with spaces around", "a: [ 'a' , \"b\" ]\n", ["a", "b"]],
    ["plain items with spaces around", "a: [ a b , c ]\n", ["a b", "c"]],
    [
      "quoted items holding commas and brackets",
      "a: [\"a, b\", 'c]', 'it''s']\n",
      ["a, b", "c]", "it's"],
    ],
    ["a flow list, then a comment", "a: [x] # c\n", ["x"]],
    ["a flow list, then two spaces and a comment", "a: [x]  # c\n", ["x"]],
    ["items ending in a quote or holding a colon", "a: [x', a:b]\n", ["x'", "a:b"]],
  ])("reads %s", (_name, text, value) => {
    expect(expectAccepted(text)).toStrictEqual({ a: value });
  });

  it("reads a folded plain scalar whose first line ends in spaces", () => {
    expect(expectAccepted("a: one  \n  two\n")).toStrictEqual({ a: "one two" });
  });
});

describe("fast YAML reader: scalars it must leave to yaml", () => {
  it.each([
    // [name, document, what yaml reads ("error": yaml refuses it)]
    ["an unterminated single quote", "a: 'x\n", "error"],
    ["an unterminated double quote", 'a: "x\n', "error"],
    ["a backslash before the closing quote", 'a: "a\\"\n', "error"],
    ["a YAML-only escape", 'a: "\\x41"\n', { a: "A" }],
    ["text after single quotes", "a: 'a'x\n", "error"],
    ["text after single quotes, then a comment", "a: 'a'x # c\n", "error"],
    ["text after double quotes", 'a: "x"y\n', "error"],
    ["a comment with no space before it", "a: 'x'# c\n", "error"],
    ["an anchor", "a: &x y\n", { a: "y" }],
    ["an alias", "a: *x\n", "error"],
    ["a tag", "a: !t y\n", { a: "y" }],
    ["a literal block header with text", "a: | x\n", "error"],
    ["a reserved character", "a: @x\n", "error"],
    ["a backtick", "a: `x\n", "error"],
    ["a directive character", "a: %x\n", "error"],
    ["a closing bracket", "a: ]\n", "error"],
    ["a comma", "a: ,x\n", "error"],
    ["a mapping on the value's line", "a: b: c\n", "error"],
    ["text ending in a colon", "a: b:\n", "error"],
    // flow lists
    ["a trailing comma in a flow list", "a: [a, ]\n", { a: ["a"] }],
    ["a leading comma in a flow list", "a: [, a]\n", "error"],
    ["an empty item between commas", "a: [a, , b]\n", "error"],
    ["a mapping in a flow list", "a: [a: b]\n", { a: [{ a: "b" }] }],
    ["a key with no value in a flow list", "a: [a:]\n", { a: [{ a: null }] }],
    ["an anchor in a flow list", "a: [&x a]\n", { a: ["a"] }],
    ["an alias in a flow list", "a: [*x]\n", "error"],
    ["a tag in a flow list", "a: [!t a]\n", { a: ["a"] }],
    ["a dash starting an item", "a: [-x]\n", { a: ["-x"] }],
    ["a question mark starting an item", "a: [?x]\n", { a: ["?x"] }],
    ["a colon starting an item", "a: [:x]\n", { a: [":x"] }],
    ["a block scalar header in a flow list", "a: [|]\n", "error"],
    ["a folded header in a flow list", "a: [>]\n", "error"],
    ["a percent sign starting an item", "a: [%x]\n", "error"],
    ["an at sign starting an item", "a: [@x]\n", "error"],
    ["a backtick starting an item", "a: [`x]\n", "error"],
    ["a nested flow list", "a: [[x]]\n", { a: [["x"]] }],
    ["a flow mapping in a flow list", "a: [{x: 1}]\n", { a: [{ x: 1 }] }],
    ["a comment inside a flow list", "a: [x # c\n  ]\n", { a: ["x"] }],
    ["an unclosed flow list", "a: [x\n", "error"],
    ["a flow list closed by a brace", "a: [x}\n", "error"],
    ["text after a flow list", "a: [x] y\n", "error"],
    ["a comment right after a flow list", "a: [x]# c\n", "error"],
    ["text after an empty flow list", "a: []x\n", "error"],
    ["quotes then text inside a flow list", "a: ['x'y]\n", "error"],
  ])("%s", (_name, text, yaml) => {
    expect(yamlReads(text)).toStrictEqual(yaml);
    expectDeclined(text);
  });
});

import type { Path } from "../core/schema-parts.js";
import { MAX_DEPTH } from "./yaml-document.js";
import {
  DECLINE,
  blockScalar,
  inlineValue,
  leadingSpaces,
  splitKey,
  trimSpacesEnd,
} from "./yaml-fast-scalars.js";

/**
 * A fast reader for the plain block style plan files are written in: nested `key: value`
 * mappings, `- item` lists of scalars, one-line `[a, b]` lists, `|` and `>` block text,
 * plain scalars (folded over several lines too, as `yaml.stringify` writes long text) and
 * single- or double-quoted ones on one line, resolved as YAML 1.2's core schema resolves them
 * (what `yaml` does).
 *
 * Auditing thousands of plans is mostly reading them, and `yaml` (which keeps a full AST for
 * positions and messages) costs ~0.5 ms a plan; this costs about a tenth of that. It
 * declines anything else (anchors, tags, flow mappings, multi-line quoted scalars, tabs,
 * duplicate or unusual keys, `__proto__`, odd indentation) and any document that might be
 * an error, so `yaml` reads those and every message and position still comes from it.
 * test/unit/yaml-differential.test.ts checks that it agrees with `yaml` whenever it accepts,
 * and that it accepts the plans people and `yaml.stringify` actually write.
 */
export interface FastYaml {
  data: unknown;
  /** Line and column (1-based) of a mapping key's value, or of its closest parent found. */
  locate: (path: Path) => { line: number; column: number } | undefined;
}

interface Line {
  /** 1-based line number in the file. */
  number: number;
  /** Index in the file's raw lines; block text is read from those, comments and all. */
  index: number;
  indent: number;
  /** The line without its indentation or a trailing \r. */
  content: string;
}

interface Position {
  line: number;
  column: number;
}

/** Where each key's value is, as a tree that follows the document's mappings. */
type PositionTree = Map<string, { at: Position; keys?: PositionTree }>;

// Characters the reader leaves to `yaml`: tabs, stray carriage returns, other C0/C1 controls,
// a byte-order mark and Unicode line separators.
const UNUSUAL_CHARACTER = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;
export function parseYamlFast(text: string): FastYaml | undefined {
  if (UNUSUAL_CHARACTER.test(text)) return undefined;
  const raw = text.includes("\r")
    ? text.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line))
    : text.split("\n");
  const lines = contentLines(raw);
  // An indented first line is declined by mapping(), as any line indented beyond its mapping.
  if (!lines || lines.length === 0) return undefined;
  const reader = new BlockReader(raw, lines);
  try {
    const positions: PositionTree = new Map();
    // The mapping at indent 0 reads every line or declines: no line is indented less.
    const data = reader.mapping(0, 0, positions, 1);
    return { data, locate: (path) => nearest(positions, path) };
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

/** Non-blank, non-comment lines; undefined for documents with directives or several documents. */
function contentLines(raw: readonly string[]): Line[] | undefined {
  const lines: Line[] = [];
  let marker = false;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i] as string;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line.charCodeAt(indent) === 35 /* # */) continue;
    const content = trimSpacesEnd(line.slice(indent));
    // A single leading `---` is harmless. Anything else about documents (another `---`, `...`,
    // a `%` directive) is `yaml`'s business: at the left edge it is neither a key nor an item,
    // so mapping() declines it.
    if (indent === 0 && content === "---" && lines.length === 0 && !marker) {
      marker = true;
      continue;
    }
    lines.push({ number: i + 1, index: i, indent, content });
  }
  return lines;
}

class BlockReader {
  next = 0;

  constructor(
    private readonly raw: readonly string[],
    private readonly lines: readonly Line[],
  ) {}

  /** A block mapping whose keys sit at `indent`. */
  mapping(
    start: number,
    indent: number,
    positions: PositionTree,
    depth: number,
  ): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw DECLINE;
    const result: Record<string, unknown> = {};
    this.next = start;
    while (this.next < this.lines.length) {
      const line = this.lines[this.next] as Line;
      if (line.indent < indent) break;
      if (line.indent > indent) throw DECLINE; // a continuation line or stray indentation
      const { key, rest } = splitKey(line.content);
      if (positions.has(key) || key === "__proto__") throw DECLINE;
      const valueColumn = indent + line.content.length - rest.length + 1;
      if (rest === "") {
        const following = this.lines[this.next + 1];
        const isItem = following !== undefined && isSequenceItem(following.content);
        if (following && (following.indent > indent || (following.indent === indent && isItem))) {
          // A block collection is located at its key, as `yaml` reports it.
          const keys: PositionTree = new Map();
          positions.set(key, { at: { line: line.number, column: indent + 1 }, keys });
          result[key] = isItem
            ? this.sequence(this.next + 1, following.indent)
            : this.mapping(this.next + 1, following.indent, keys, depth + 1);
        } else {
          // An empty value sits at the end of its line, after any spaces, as `yaml` reports it.
          positions.set(key, {
            at: { line: line.number, column: (this.raw[line.index] as string).length + 1 },
          });
          result[key] = null;
          this.next++;
        }
      } else {
        // `key: # comment` (located differently by `yaml`) is declined by inlineValue().
        positions.set(key, { at: { line: line.number, column: valueColumn } });
        if (rest.startsWith("|") || rest.startsWith(">")) {
          const { value, end } = blockText(this.raw, line.index + 1, indent, rest);
          result[key] = value;
          while (this.next < this.lines.length && (this.lines[this.next] as Line).index < end)
            this.next++;
        } else {
          const value = inlineValue(rest);
          this.next++;
          result[key] = this.continued(value, rest, line, indent);
        }
      }
    }
    return result;
  }

  /** A block sequence of scalars whose `-` sit at `indent`. */
  sequence(start: number, indent: number): unknown[] {
    const items: unknown[] = [];
    this.next = start;
    while (this.next < this.lines.length) {
      const line = this.lines[this.next] as Line;
      // A deeper line that is not an item ends the list here, and the mapping above declines it.
      if (line.indent < indent || !isSequenceItem(line.content)) break;
      if (line.indent > indent) throw DECLINE; // a nested list
      let at = 1;
      while (line.content.charCodeAt(at) === 32) at++;
      const item = line.content.slice(at);
      // An empty item (`-`), a nested one (`- - x`) or a comment (`- # c`) is declined here.
      const value = blockScalar(item);
      this.next++;
      items.push(this.continued(value, item, line, indent));
    }
    return items;
  }

  /**
   * A plain scalar that goes on over more-indented lines (as `yaml.stringify` folds long
   * text): the lines are joined by a space, each blank line between them kept as a break.
   * `value` is the scalar as read from its first line, `text` that line's value text, and
   * `parent` the indentation the continuation lines must exceed. Lines that would make it
   * anything else (`: `, a comment) are left to `yaml`.
   */
  continued(value: unknown, text: string, line: Line, parent: number): unknown {
    const following = this.lines[this.next];
    if (following === undefined || following.indent <= parent) return value;
    const first = text[0];
    if (first === '"' || first === "'" || first === "[" || first === "{" || text.includes(" #"))
      throw DECLINE;
    let folded = trimSpacesEnd(text);
    let blanks = 0;
    let last = line.index;
    for (let i = line.index + 1; i < this.raw.length; i++) {
      const raw = this.raw[i] as string;
      const spaces = leadingSpaces(raw);
      if (spaces === raw.length) {
        blanks++;
        continue;
      }
      if (spaces <= parent) break;
      const content = trimSpacesEnd(raw.slice(spaces));
      if (content.startsWith("#")) break; // a comment ends the scalar; more text after it is an error
      if (content.includes(": ") || content.endsWith(":") || content.includes(" #")) throw DECLINE;
      folded += blanks > 0 ? "\n".repeat(blanks) : " ";
      folded += content;
      blanks = 0;
      last = i;
    }
    while (this.next < this.lines.length && (this.lines[this.next] as Line).index <= last)
      this.next++;
    return folded;
  }
}

function isSequenceItem(content: string): boolean {
  return content === "-" || content.startsWith("- ");
}

/**
 * `|` (literal) or `>` (folded) text below a key indented `parent`, with optional `-`/`+`
 * chomping; returns the text and the raw line index after it. Leading blank lines, lines
 * indented beyond the text's own indentation under `>`, and text running to the end of a file
 * with no final newline are left to `yaml`.
 */
function blockText(
  raw: readonly string[],
  start: number,
  parent: number,
  header: string,
): { value: string; end: number } {
  if (!/^[|>][-+]?$/.test(header)) throw DECLINE;
  const folded = header.startsWith(">");
  const chomp = header[1];
  // Stryker disable next-line StringLiteral: past the last line; any text without leading spaces declines alike
  const first = raw[start] ?? "";
  const indent = leadingSpaces(first);
  if (indent <= parent || indent === first.length) throw DECLINE;
  const body: string[] = [];
  // After a final newline, split() leaves an empty last element: the end, not a blank line.
  const last = raw[raw.length - 1] === "" ? raw.length - 1 : raw.length;
  let end = start;
  for (; end < last; end++) {
    const line = raw[end] as string;
    const spaces = leadingSpaces(line);
    if (spaces === line.length) {
      if (spaces > indent) throw DECLINE; // spaces that would be part of the text
      body.push("");
      continue;
    }
    // A line between the key's and the text's indentation ends the text; the mapping declines it.
    if (spaces < indent) break;
    if (folded && spaces > indent) throw DECLINE; // more-indented lines keep their breaks under `>`
    body.push(line.slice(indent));
  }
  // Text running into the end of a file with no final newline: `yaml` adds one; leave it that.
  if (end === raw.length) throw DECLINE;
  let trailing = 0;
  // The first line is not blank, so this stops there at the latest.
  while (body[body.length - 1] === "") {
    body.pop();
    trailing++;
  }
  let value = folded ? fold(body) : body.join("\n");
  if (chomp === "+") value += "\n".repeat(trailing + 1);
  else if (chomp !== "-") value += "\n";
  return { value, end };
}

/** Folding: a single break between lines becomes a space; each blank line is kept as a break. */
function fold(lines: readonly string[]): string {
  let value = lines[0] as string;
  let blanks = 0;
  for (const line of lines.slice(1)) {
    if (line === "") {
      blanks++;
      continue;
    }
    value += blanks > 0 ? "\n".repeat(blanks) : " ";
    value += line;
    blanks = 0;
  }
  return value;
}

function nearest(positions: PositionTree, path: Path): Position | undefined {
  let found: Position | undefined;
  let keys: PositionTree | undefined = positions;
  for (const part of path) {
    const entry: { at: Position; keys?: PositionTree } | undefined = keys?.get(String(part));
    if (!entry) break;
    found = entry.at;
    keys = entry.keys;
  }
  return found;
}

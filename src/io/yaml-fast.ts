import jsyaml from "js-yaml";
import type { Path } from "../core/schema-parts.js";
import { MAX_DEPTH } from "./yaml-document.js";

/**
 * A fast path for ordinary plan files. The `yaml` library gives exact positions and error
 * messages but costs ~0.5 ms a plan; js-yaml parses the same YAML 1.2 core schema about six
 * times faster. Anything out of the ordinary (anchors, aliases, tags, merge keys, complex
 * keys, directives, `__proto__`) declines the fast path, and so does any parse error, so
 * every error message still comes from `yaml`.
 */
const UNUSUAL = /(?:^|[\s[{,])[&*!][^\s,\]}]|<<|__proto__|^\s*\?\s|^%|(?:^|[\s[{,:])-0(?:\.0*)?(?=[\s,\]}]|$)/m;

export interface FastYaml {
  data: unknown;
  /** Positions of mapping keys' values, by path; undefined when the layout was not plain block style. */
  locate: (path: Path) => { line: number; column: number } | undefined;
}

export function parseYamlFast(text: string): FastYaml | undefined {
  if (UNUSUAL.test(text)) return undefined;
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (data === undefined) data = null; // an empty document, as `yaml` reads it
  if (tooDeep(data)) return undefined;
  const positions = scanBlockPositions(text);
  return { data, locate: (path) => (positions ? nearest(positions, path) : undefined) };
}

function tooDeep(root: unknown): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() ?? [undefined, 0];
    if (depth > MAX_DEPTH) return true;
    if (Array.isArray(value)) for (const item of value) stack.push([item, depth + 1]);
    else if (value !== null && typeof value === "object") for (const item of Object.values(value)) stack.push([item, depth + 1]);
  }
  return false;
}

const KEY_LINE = /^( *)([A-Za-z0-9_][A-Za-z0-9_.-]*|"[^"\\]*"|'[^']*'):(?: +(.*))?$/;

/**
 * Where each mapping key's value starts, for block-style documents, matching what the `yaml`
 * AST reports: the value for scalars and flow collections, the key for block collections and
 * empty values. Returns undefined for layouts it does not fully understand.
 */
export function scanBlockPositions(text: string): Map<string, { line: number; column: number }> | undefined {
  const positions = new Map<string, { line: number; column: number }>();
  const stack: { indent: number; key: string }[] = [];
  // Lines indented deeper than this belong to the previous key's value (block scalars, wrapped text).
  let continuationIndent = Infinity;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? "").replace(/\r$/, "");
    const trimmed = raw.trimStart();
    const indent = raw.length - trimmed.length;
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    if (indent > continuationIndent) continue;
    continuationIndent = Infinity;
    if (trimmed.startsWith("- ") || trimmed === "-") {
      // Sequence items belong to the key above; their contents are never looked up by path.
      continuationIndent = indent;
      continue;
    }
    if (trimmed === "---") continue;
    const match = KEY_LINE.exec(raw);
    if (!match) return undefined;
    const key = (match[2] ?? "").replace(/^["']|["']$/g, "");
    const rest = (match[3] ?? "").replace(/(^|\s)#.*$/, "").trimEnd();
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? -1) >= indent) stack.pop();
    stack.push({ indent, key });
    const path = stack.map((s) => s.key).join("\u0000");
    if (rest === "") {
      if ((match[3] ?? "").trim() !== "") return undefined; // `key: # comment`: not scanned
      // A block collection below is located at its key; an empty (null) value just after the colon.
      const next = nextContentLine(lines, i + 1);
      const nextIndent = next === undefined ? -1 : next.length - next.trimStart().length;
      const block = next !== undefined && (nextIndent > indent || (nextIndent === indent && next.trimStart().startsWith("-")));
      positions.set(path, { line: i + 1, column: block ? indent + 1 : indent + (match[2] ?? "").length + 2 });
    } else {
      if (rest.startsWith("{")) return undefined; // nested keys inside a flow mapping: not scanned
      const column = raw.length - (match[3] ?? "").length + 1;
      positions.set(path, { line: i + 1, column });
      continuationIndent = indent;
    }
  }
  return positions;
}

function nextContentLine(lines: readonly string[], from: number): string | undefined {
  for (let j = from; j < lines.length; j++) {
    const line = (lines[j] ?? "").replace(/\r$/, "");
    const trimmed = line.trim();
    if (trimmed !== "" && !trimmed.startsWith("#")) return line;
  }
  return undefined;
}

function nearest(positions: Map<string, { line: number; column: number }>, path: Path) {
  for (let n = path.length; n > 0; n--) {
    const found = positions.get(path.slice(0, n).map(String).join("\u0000"));
    if (found) return found;
  }
  return undefined;
}

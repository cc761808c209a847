import {
  LineCounter,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";
import { UserError, formatPath, type Diagnostic } from "../errors.js";
import type { Path, Problem } from "../core/schema-parts.js";

/** Deep enough for any real plan or rubric, shallow enough that no document can exhaust the stack. */
export const MAX_DEPTH = 32;
/** Aliases are legitimate in YAML but an alias bomb expands exponentially; real files need few. */
export const MAX_ALIASES = 100;
/**
 * Problems listed for one file before the rest are only counted: enough to fix in one sitting,
 * and a hostile file with 50,000 bad keys costs no more to report than one with fifty.
 */
export const MAX_PROBLEMS = 50;

export interface ParsedYaml {
  file: string;
  data: unknown;
  /** Line and column (1-based) of a path in the document, or of its closest existing parent. */
  locate: (path: Path) => { line: number; column: number } | undefined;
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, {
      lineCounter,
      // Checked below in one pass with a set per mapping: yaml's own check compares each key
      // with every key before it, which took a minute for a plan with 50,000 keys.
      uniqueKeys: false,
      prettyErrors: false,
      merge: false,
      strict: true,
      // No yaml warning may reach the user's terminal; what it would warn about (a list or
      // mapping used as a key) is reported below as an error with its place. Not "silent":
      // that also drops errors, such as a second document in the file.
      logLevel: "error",
    });
  } catch (error) {
    throw parseFailure(error, file);
  }
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.some((e) => /call stack/i.test(e.message))) throw tooDeep(file);
  const { depth, keyProblems } = inspect(doc);
  if (depth > MAX_DEPTH) throw tooDeep(file);
  if (doc.errors.length > 0 || keyProblems.length > 0) {
    const diagnostics: Diagnostic[] = doc.errors.map((e) => ({
      file,
      ...position(e.pos[0]),
      message: e.message.split("\n")[0] ?? e.message,
    }));
    for (const { offset, message } of keyProblems)
      diagnostics.push({ file, ...position(offset), message });
    throw new UserError(
      `${file}: is not valid YAML`,
      capped(sortedByPlace(diagnostics), file),
      "Fix the YAML syntax at the place shown.",
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw parseFailure(error, file);
  }
  const locate = (path: Path) => {
    const node = nodeAt(doc.contents, path);
    return node?.range ? position(node.range[0]) : undefined;
  };
  const forbidden = prototypeKeyPaths(data);
  if (forbidden.length > 0) {
    throw new UserError(
      `${file}: uses the reserved key "__proto__"`,
      forbidden.map((path) => ({
        file,
        ...locate(path),
        path: path.join("."),
        message: 'the key "__proto__" is not allowed',
      })),
      "Rename or remove the key.",
    );
  }
  return { file, data, locate };
}

/**
 * `__proto__` as a key is either an attack or a mistake; whatever validates the data later,
 * it must never reach code that might assign it onto a plain object.
 */
function prototypeKeyPaths(root: unknown): Path[] {
  const found: Path[] = [];
  const stack: [unknown, Path][] = [[root, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop() ?? [undefined, []];
    if (Array.isArray(value)) value.forEach((item, i) => stack.push([item, [...path, i]]));
    else if (value !== null && typeof value === "object" && !(value instanceof Uint8Array)) {
      for (const key of Object.keys(value)) {
        if (key === "__proto__") found.push([...path, key]);
        else stack.push([(value as Record<string, unknown>)[key], [...path, key]]);
      }
    }
  }
  return found;
}

/**
 * One message however the depth is found: by counting, or by the parser running out of
 * stack, which happens at a depth that depends on the thread (workers have larger stacks).
 */
function tooDeep(file: string): UserError {
  return new UserError(
    `${file}: is nested more than ${MAX_DEPTH} levels deep`,
    [],
    "Plans and rubrics are shallow; check the brackets and indentation.",
  );
}

function parseFailure(error: unknown, file: string): UserError {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias/i.test(message)) {
    return new UserError(
      `${file}: uses too many YAML aliases (more than ${MAX_ALIASES}); refusing to expand it`,
      [],
      "This looks like an alias bomb; plans and rubrics need no more than a few aliases.",
    );
  }
  if (error instanceof RangeError) return tooDeep(file);
  return new UserError(`${file}: cannot be read as YAML (${message})`);
}

/**
 * One walk over the document: its depth, and the keys a plan or rubric cannot have: the same
 * key twice in a mapping (as JavaScript sees it, so `1` and `"1"` clash too), and a list or
 * mapping used as a key (JavaScript objects cannot hold one; yaml would stringify it and warn).
 */
function inspect(doc: Document.Parsed): {
  depth: number;
  keyProblems: { offset: number; message: string }[];
} {
  // Iterative on purpose: a recursive walk is exactly what a hostile deep document would overflow.
  let max = 0;
  const keyProblems: { offset: number; message: string }[] = [];
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() ?? [undefined, 0];
    if (depth > max) max = depth;
    if (depth > MAX_DEPTH) return { depth, keyProblems };
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        stack.push([pair.value, depth + 1]);
        const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
        const offset = (pair.key as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0;
        if (isCollection(key)) {
          keyProblems.push({
            offset,
            message: `a key must be a name, not a ${isSeq(key) ? "list" : "mapping"}`,
          });
          continue;
        }
        const name = isScalar(key) ? jsKey(key.value) : "";
        const first = seen.get(name);
        if (first === undefined) seen.set(name, offset);
        else
          keyProblems.push({
            offset,
            message: `Map keys must be unique: ${JSON.stringify(name)} is already a key above`,
          });
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push([item, depth + 1]);
  }
  return { depth: max, keyProblems };
}

/** The property name a scalar key becomes in JavaScript, as yaml's toJS names it. */
function jsKey(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return JSON.stringify(value);
}

/** File-wide problems first, then in the order of the file, so a reader can work down it. */
export function sortedByPlace(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i,
    )
    .map(({ d }) => d);
}

/** At most MAX_PROBLEMS entries: the first ones, then one saying how many more there are. */
export function capped(
  diagnostics: readonly Diagnostic[],
  file: string,
  severity?: Diagnostic["severity"],
): Diagnostic[] {
  if (diagnostics.length <= MAX_PROBLEMS) return [...diagnostics];
  const shown = diagnostics.slice(0, MAX_PROBLEMS - 1);
  const more = diagnostics.length - shown.length;
  return [
    ...shown,
    {
      file,
      message: `... and ${more.toLocaleString("en")} more problems of the same kinds; fix the ones above and run again`,
      ...(severity ? { severity } : {}),
    },
  ];
}

/**
 * Each mapping's pairs by key, built the first time a path goes through it: a file with
 * thousands of problems is located in one pass rather than one scan of the mapping per problem.
 */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name !== undefined && !index.has(name)) index.set(name, pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** The deepest node along `path`; for a missing leaf, its parent, so errors still get a line. */
function nodeAt(root: unknown, path: Path): Node | undefined {
  let node: unknown = root;
  let found: Node | undefined = isCollection(root) || isScalar(root) ? root : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (!pair) return found;
      const value = pair.value;
      // Point at a scalar or flow value itself; for a block collection or an empty value the key's line reads best.
      found = (isScalar(value) || (isCollection(value) && value.flow) ? value : pair.key) as Node;
      node = value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (!item) return found;
      found = item as Node;
      node = item;
    } else {
      return found;
    }
  }
  return found;
}

/** Problems at their places in the file, in file order, at most MAX_PROBLEMS of them. */
export function problemsToDiagnostics(
  problems: readonly Problem[],
  parsed: Pick<ParsedYaml, "file" | "locate">,
  severity: "error" | "warning" = "error",
): Diagnostic[] {
  const located = problems.map((p) => ({
    file: parsed.file,
    ...parsed.locate(p.path),
    path: formatPath(p.path),
    message: p.message,
    severity,
  }));
  return capped(sortedByPlace(located), parsed.file, severity);
}

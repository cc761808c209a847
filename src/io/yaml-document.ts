import { LineCounter, isCollection, isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { UserError, formatPath, type Diagnostic } from "../errors.js";
import type { Path, Problem } from "../core/schema-parts.js";

/** Deep enough for any real plan or rubric, shallow enough that no document can exhaust the stack. */
export const MAX_DEPTH = 32;
/** Aliases are legitimate in YAML but an alias bomb expands exponentially; real files need few. */
export const MAX_ALIASES = 100;

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
      uniqueKeys: true,
      prettyErrors: false,
      merge: false,
      strict: true,
    });
  } catch (error) {
    throw parseFailure(error, file);
  }
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.some((e) => /call stack/i.test(e.message))) throw tooDeep(file);
  if (doc.errors.length > 0) {
    const diagnostics: Diagnostic[] = doc.errors.map((e) => ({
      file,
      ...position(e.pos[0]),
      message: e.message.split("\n")[0] ?? e.message,
    }));
    throw new UserError(
      `${file}: is not valid YAML`,
      diagnostics,
      "Fix the YAML syntax at the place shown.",
    );
  }
  if (depthOf(doc.contents) > MAX_DEPTH) throw tooDeep(file);
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

function depthOf(root: unknown): number {
  // Iterative on purpose: a recursive walk is exactly what a hostile deep document would overflow.
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() ?? [undefined, 0];
    if (depth > max) max = depth;
    if (depth > MAX_DEPTH) return depth;
    if (isMap(node)) for (const pair of node.items) stack.push([pair.value, depth + 1]);
    else if (isSeq(node)) for (const item of node.items) stack.push([item, depth + 1]);
  }
  return max;
}

/** The deepest node along `path`; for a missing leaf, its parent, so errors still get a line. */
function nodeAt(root: unknown, path: Path): Node | undefined {
  let node: unknown = root;
  let found: Node | undefined = isCollection(root) || isScalar(root) ? (root as Node) : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
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

export function problemsToDiagnostics(
  problems: readonly Problem[],
  parsed: Pick<ParsedYaml, "file" | "locate">,
  severity: "error" | "warning" = "error",
): Diagnostic[] {
  return problems.map((p) => ({
    file: parsed.file,
    ...parsed.locate(p.path),
    path: formatPath(p.path),
    message: p.message,
    severity,
  }));
}

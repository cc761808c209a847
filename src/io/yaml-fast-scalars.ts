// The scalar half of the fast YAML reader (yaml-fast.ts reads the block structure): keys,
// plain and quoted scalars, one-line flow lists and block scalars' headers, resolved as
// YAML 1.2's core schema resolves them. Anything it is not sure of declines, and `yaml`
// reads the document instead.

/**
 * Thrown inside the reader to decline; caught at the top, never escapes. One instance, made
 * once: an Error captures its stack when constructed, not when thrown, so declining costs no
 * more than throwing a symbol did.
 */
class Decline extends Error {}
export const DECLINE = new Decline("the fast YAML reader declines this document");

const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const JSON_COMPATIBLE_ESCAPES = /^(?:[^"\\]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*$/;

/** `key: rest` or `key:` with a plain or simply quoted key; anything else declines. */
export function splitKey(content: string): { key: string; rest: string } {
  let key: string;
  let end: number;
  const quote = content[0];
  if (quote === '"' || quote === "'") {
    end = content.indexOf(quote, 1);
    if (end < 0) throw DECLINE;
    key = content.slice(1, end);
    if (key.includes("\\")) throw DECLINE; // escapes: leave to `yaml`
    end++; // a doubled quote (`'it''s'`) then fails the colon check below
  } else {
    end = content.indexOf(":");
    if (end < 0) throw DECLINE;
    key = content.slice(0, end);
    // A plain key that YAML would read as a number, boolean or null is not the string it looks like.
    if (!PLAIN_KEY.test(key) || typeof resolvePlain(key) !== "string") throw DECLINE;
  }
  if (content[end] !== ":") throw DECLINE;
  const after = content.slice(end + 1);
  if (after !== "" && !after.startsWith(" ")) throw DECLINE;
  return { key, rest: after.slice(leadingSpaces(after)) };
}

/** The value after `key: `: a scalar, a one-line flow sequence or `{}`, then at most a comment. */
export function inlineValue(text: string): unknown {
  if (text.startsWith("[")) return flowSequence(text);
  if (text.startsWith("{}")) {
    // `yaml.stringify` writes an empty mapping so; any other flow mapping is left to `yaml`.
    expectOnlyComment(text, 2);
    return {};
  }
  return blockScalar(text);
}

export function blockScalar(text: string): unknown {
  const first = text[0];
  if (first === '"' || first === "'") {
    const { value, end } = quoted(text, 0);
    expectOnlyComment(text, end);
    return value;
  }
  if (first === undefined || "[]{},#&*!|>%@`".includes(first)) throw DECLINE;
  if ((first === "-" || first === "?" || first === ":") && (text.length === 1 || text[1] === " "))
    throw DECLINE;
  const comment = text.indexOf(" #");
  const plain = trimSpacesEnd(comment < 0 ? text : text.slice(0, comment));
  if (plain.includes(": ") || plain.endsWith(":")) throw DECLINE;
  return resolvePlain(plain);
}

/** `[a, "b", 3]` on one line; nested collections, empty items and comments inside decline. */
export function flowSequence(text: string): unknown[] {
  const items: unknown[] = [];
  let at = 1;
  for (;;) {
    while (text[at] === " ") at++;
    if (text[at] === "]" && items.length === 0) {
      expectOnlyComment(text, at + 1);
      return items;
    }
    const c = text[at];
    if (c === '"' || c === "'") {
      const { value, end } = quoted(text, at);
      items.push(value);
      at = end;
    } else {
      let end = at;
      while (end < text.length && !",[]{}#".includes(text[end] as string)) end++;
      const plain = trimSpacesEnd(text.slice(at, end));
      if (
        plain === "" ||
        plain.includes(": ") ||
        plain.endsWith(":") ||
        "-?:&*!|>%@`'\"".includes(plain[0] as string)
      )
        throw DECLINE;
      items.push(resolvePlain(plain));
      at = end;
    }
    while (text[at] === " ") at++;
    if (text[at] === ",") at++;
    else if (text[at] === "]") {
      expectOnlyComment(text, at + 1);
      return items;
    } else throw DECLINE;
  }
}

/** A single- or double-quoted scalar on one line, starting at `start`. */
export function quoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  if (quote === "'") {
    let end = start + 1;
    let value = "";
    for (;;) {
      const close = text.indexOf("'", end);
      if (close < 0) throw DECLINE;
      value += text.slice(end, close);
      if (text[close + 1] !== "'") return { value, end: close + 1 };
      value += "'";
      end = close + 2;
    }
  }
  let close = start + 1;
  while (close < text.length && text[close] !== '"') close += text[close] === "\\" ? 2 : 1;
  if (close >= text.length) throw DECLINE;
  const body = text.slice(start + 1, close);
  // These escapes mean the same in JSON and YAML; YAML's others (\x, \e, \N, ...) go to `yaml`.
  if (!JSON_COMPATIBLE_ESCAPES.test(body)) throw DECLINE;
  return {
    value: body.includes("\\") ? (JSON.parse(`"${body}"`) as string) : body,
    end: close + 1,
  };
}

export function expectOnlyComment(text: string, from: number): void {
  const rest = text.slice(from);
  if (leadingSpaces(rest) !== rest.length && !/^ +#/.test(rest)) throw DECLINE;
}

/*
 * YAML's white space is the space and the tab, nothing else: NBSP, U+3000 and the other
 * Unicode spaces are content, so String.prototype.trim() (which strips them) must not be used.
 * Tabs never reach these (the reader leaves documents with tabs to `yaml`).
 */
export function leadingSpaces(text: string): number {
  let at = 0;
  while (text.charCodeAt(at) === 32) at++;
  return at;
}

export function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (text.charCodeAt(end - 1) === 32) end--; // charCodeAt(-1) is NaN: it stops at 0
  return text.slice(0, end);
}

/** YAML 1.2 core schema, in the order and with the conversions `yaml` uses. */
export function resolvePlain(text: string): unknown {
  switch (text) {
    case "":
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
  }
  const c = text.charCodeAt(0);
  // Only text starting with a digit, sign or dot can be a number; skip the patterns otherwise.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
    if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
    if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text, 16); // parseInt skips the 0x itself
    if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text))
      return text.slice(-3).toLowerCase() === "nan"
        ? NaN
        : text.startsWith("-")
          ? -Infinity
          : Infinity;
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text))
      return parseFloat(text);
  }
  return text;
}

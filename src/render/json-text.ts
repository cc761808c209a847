/**
 * JSON.stringify escapes C0 control characters but not DEL, C1 (U+0080-U+009F, where 8-bit
 * CSI lives) or line separators. Escaping them keeps the data exact while making the text
 * safe to print on a terminal and to embed in JavaScript.
 */
export function toJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  // Reports are nearly always plain ASCII, and checking that (UTF-8 length equals UTF-16
  // length, and no DEL) is several times cheaper than running the pattern over every report.
  if (Buffer.byteLength(json) === json.length && !json.includes("\u007f")) return json;
  return json.replace(
    UNSAFE_IN_TERMINALS,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const UNSAFE_IN_TERMINALS = /[\u007f-\u009f\u2028\u2029]/g;

/**
 * JSON.stringify escapes C0 control characters but not DEL, C1 (U+0080-U+009F, where 8-bit
 * CSI lives) or line separators. Escaping them keeps the data exact while making the text
 * safe to print on a terminal and to embed in JavaScript.
 */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

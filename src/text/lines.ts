/**
 * Line layout for screens drawn a line at a time (the interview's prompts, hints and summary):
 * hanging indents, a line of items cut to fit, items flowed over lines. Plain text only;
 * colour is applied after. Widths are display columns, as everywhere in src/text.
 */
import { displayWidth as length } from "./width.js";

/**
 * Breaks text at spaces to `width`. The first line keeps the text's own leading spaces;
 * continuation lines start with `indent` (by default, those same spaces). Long words are cut.
 */
export function wrapHanging(text: string, width: number, indent?: string): string[] {
  const room = Math.max(10, width);
  const leading = /^\s*/.exec(text)?.[0] ?? "";
  const next = indent ?? leading;
  const lines: string[] = [];
  let line = leading;
  let empty = true;
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const candidate = empty ? `${line}${word}` : `${line} ${word}`;
    if (!empty && length(candidate) > room) {
      lines.push(line);
      line = `${next}${word}`;
    } else {
      line = candidate;
    }
    empty = false;
    while (length(line) > room) {
      const chars = Array.from(line);
      lines.push(chars.slice(0, room).join(""));
      line = `${next}${chars.slice(room).join("")}`;
    }
  }
  lines.push(line);
  return lines;
}

/** Joins as many items as fit in `width`, in order, dropping the rest. */
export function fitLine(items: readonly string[], separator: string, width: number): string {
  let line = "";
  for (const item of items) {
    const next = line ? `${line}${separator}${item}` : item;
    if (length(next) > width) break;
    line = next;
  }
  return line;
}

/** Lays items out on as many lines as needed, never splitting an item (unless it alone is too long). */
export function flow(items: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line}${separator}${item}` : item;
    if (line && length(next) > width) {
      lines.push(line);
      line = item;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines.flatMap((l) => wrapHanging(l, width));
}

import stringWidth from "string-width";

/**
 * Display width in terminal columns. `string-width` is the reference (grapheme clusters, East
 * Asian width, emoji sequences) but costs tens of microseconds a call; report text is nearly
 * all ASCII, Latin, Greek, Cyrillic, punctuation and our bar's block elements, where every code
 * point is one column. Those take the fast path; anything else goes to `string-width`. A
 * differential test keeps the fast path equal to `string-width`.
 */
const SGR = /\u001b\[[0-9;]*m/g;
// One column per code point, no combining marks, no emoji, no format or ignorable characters.
const NARROW_ONLY =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u03ff\u0400-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u2500-\u259f]*$/;

export function displayWidth(text: string): number {
  const plain = text.includes("\u001b") ? text.replace(SGR, "") : text;
  // The fast path's characters are all single UTF-16 units, so length counts columns.
  return NARROW_ONLY.test(plain) ? plain.length : stringWidth(plain);
}

/** Pads with spaces to `width` columns (never truncates). */
export function padEnd(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? text + " ".repeat(gap) : text;
}

export function padStart(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? " ".repeat(gap) + text : text;
}

/** Splits a word wider than `width` at character (grapheme) boundaries. */
function breakWord(word: string, width: number): string[] {
  const parts: string[] = [];
  let part = "";
  let used = 0;
  const segments = Array.from(new Intl.Segmenter().segment(word), (s) => s.segment);
  for (const grapheme of segments) {
    const w = displayWidth(grapheme);
    if (used + w > width && part) {
      parts.push(part);
      part = "";
      used = 0;
    }
    part += grapheme;
    used += w;
  }
  if (part) parts.push(part);
  return parts;
}

/**
 * Wraps plain text at word boundaries so no line is wider than `width` columns; words wider
 * than a line are broken. Existing line breaks are kept; a line's leading indent is repeated on
 * its continuation lines (when the indent leaves room for text). Styling goes on afterwards.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const source of text.split("\n")) {
    const indent = /^[ \t]*/.exec(source)?.[0] ?? "";
    const keep = indent.length < width / 2 ? indent : "";
    const room = Math.max(1, width - keep.length);
    const words = source.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      out.push("");
      continue;
    }
    let line = "";
    let used = 0;
    for (const word of words) {
      const w = displayWidth(word);
      if (w > room) {
        // A word wider than the line starts on a line of its own and is broken across lines.
        if (line) out.push(keep + line);
        const pieces = breakWord(word, room);
        const last = pieces.pop() ?? "";
        for (const piece of pieces) out.push(keep + piece);
        line = last;
        used = displayWidth(last);
        continue;
      }
      if (line && used + 1 + w > room) {
        out.push(keep + line);
        line = word;
        used = w;
      } else {
        used = line ? used + 1 + w : w;
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(keep + line);
  }
  return out;
}

/** `wrapText` joined with newlines, for callers that print a block. */
export function wrap(text: string, width: number): string {
  return wrapText(text, width).join("\n");
}

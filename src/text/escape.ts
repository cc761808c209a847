import { stripControl } from "./sanitize.js";

/** Escaping for the formats text lands in; control text is removed first in each. */

export function escapeHtml(text: string): string {
  return stripControl(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]. Anything else (most C0 controls, lone surrogates, U+FFFE, U+FFFF) makes a
 * document not well-formed even when escaped, so it is replaced with U+FFFD.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, "\ufffd");
}

export function escapeXml(text: string): string {
  return xmlChars(escapeHtml(text));
}

/**
 * Plan text must not become markup: Markdown renderers (GitHub's included) honour raw HTML,
 * headings, lists and links, so every character that could start one is escaped, and line
 * breaks become spaces so a value cannot open a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return stripControl(text)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/&(?=#?\w+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#~])/g, "\\$1")
    .replace(/^([-+=])(?=\s|$)/, "\\$1")
    .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2");
}

/**
 * A Markdown code span that holds any text: line breaks become spaces (a blank line would end
 * the span and the paragraph) and the fence is one backtick longer than the longest run inside.
 */
export function markdownCode(text: string): string {
  const flat = stripControl(text).replace(/\s+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat.startsWith(" ") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

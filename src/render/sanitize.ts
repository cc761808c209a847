/**
 * Text from plans and rubrics is untrusted: a file could carry escape sequences that recolour
 * the terminal, move the cursor, set the window title or plant hyperlinks. Strip them all.
 */
// CSI, OSC (terminated by BEL or ST), and other two-byte ESC sequences, in 7-bit and 8-bit forms.
const ESCAPE_SEQUENCES =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[\s\S]*?(?:\u0007|\u001b\\|\u009c)|\u001b[PX^_][\s\S]*?(?:\u001b\\|\u009c)|\u001b[@-Z\\-_]?/g;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI_OVERRIDES = /[\u202a-\u202e\u2066-\u2069]/g;

/** Removes escape sequences and control characters, keeping newlines and tabs. */
export function stripControl(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCES, "")
    .replace(CONTROL_CHARACTERS, "")
    .replace(BIDI_OVERRIDES, "");
}

/** For one-line contexts such as table cells and error messages. */
export function oneLine(text: string): string {
  return stripControl(text).replace(/\s+/g, " ").trim();
}

export function escapeHtml(text: string): string {
  return stripControl(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** XML 1.0 forbids most control characters even when escaped, so they are dropped first. */
export function escapeXml(text: string): string {
  return escapeHtml(text).replace(/[\ud800-\udfff]/g, (c, i: number, s: string) => {
    const code = c.charCodeAt(0);
    const next = s.charCodeAt(i + 1);
    const prev = s.charCodeAt(i - 1);
    const paired =
      (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) ||
      (code >= 0xdc00 && prev >= 0xd800 && prev <= 0xdbff);
    return paired ? c : "";
  });
}

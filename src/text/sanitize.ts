/**
 * Text from plans, rubrics, reports and argv is untrusted: it could carry escape sequences that
 * recolour the terminal, move the cursor, set the window title or plant hyperlinks, bidi
 * overrides that reorder what is shown, or line breaks that forge lines a CI runner acts on.
 * Everything that reaches a terminal passes through one of these functions.
 */
// CSI, OSC (terminated by BEL or ST), and other two-byte ESC sequences, in 7-bit and 8-bit forms.
const ESCAPE_SEQUENCES =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[\s\S]*?(?:\u0007|\u001b\\|\u009c)|\u001b[PX^_][\s\S]*?(?:\u001b\\|\u009c)|\u001b[@-Z\\-_]?/g;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Embeddings, overrides and isolates, plus the line and paragraph separators some terminals break on.
const BIDI_AND_SEPARATORS = /[\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// Everything escapeControl shows as an escape: C0, DEL, C1, bidi controls, separators.
const UNSAFE_IN_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Removes escape sequences and control characters, keeping newlines and tabs. */
export function stripControl(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCES, "")
    .replace(CONTROL_CHARACTERS, "")
    .replace(BIDI_AND_SEPARATORS, "");
}

/** For one-line contexts such as table cells: control text removed, whitespace collapsed. */
export function oneLine(text: string): string {
  return stripControl(text).replace(/\s+/g, " ").trim();
}

const NAMED: Readonly<Record<string, string>> = {
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\u001b": "\\e",
};

/**
 * Shows every control character as a visible escape (`\n`, `\e`, `\u202e`) instead of removing
 * it, for text the reader must be able to recognise, such as file names and YAML keys. The
 * result is one line, so a key holding "\n::error ..." cannot start a line of its own.
 */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE_IN_ONE_LINE, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** A path or name as it appears in a message: quoted, with control characters escaped. */
export function quote(text: string): string {
  return `"${escapeControl(text)}"`;
}

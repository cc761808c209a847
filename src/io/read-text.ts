import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { UserError } from "../errors.js";

/** Plans and rubrics are small hand-written files; anything bigger is a mistake or an attack. */
export const MAX_INPUT_BYTES = 1024 * 1024;

// One decoder for every file: creating one per file showed when reading thousands.
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes input as UTF-8 text, refusing binary data and invalid encodings with a clear message. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new UserError(
      `${file}: file is ${formatBytes(bytes.length)}, over the ${formatBytes(MAX_INPUT_BYTES)} limit for plans and rubrics`,
      [],
      "Plans and rubrics are small YAML files; check that this is the file you meant.",
    );
  }
  if (bytes.includes(0)) {
    throw new UserError(`${file}: looks like a binary file (it contains NUL bytes), not YAML text`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new UserError(
      `${file}: is not valid UTF-8 text`,
      [],
      "Save the file as UTF-8 and try again.",
    );
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/**
 * Reads a plan or rubric; `display` is the name the user gave, used in every message.
 * Synchronous on purpose: the files are small and read one at a time, and the promise API
 * costs several times more per file, which shows when an agency audits thousands.
 */
export function readTextFileSync(path: string, display = path): string {
  const file = display;
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO returns at once and is refused below instead of hanging.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fileError(error, file);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory())
      throw new UserError(
        `${file}: is a directory, not a file`,
        [],
        "Pass a plan file; several can be given, e.g. plans/*.yaml",
      );
    // A FIFO or device would block or never end; plans are ordinary files (or `-` for stdin).
    if (!info.isFile())
      throw new UserError(
        `${file}: is not a regular file`,
        [],
        "To read a plan from a pipe, pass - and pipe it to stdin.",
      );
    if (info.size > MAX_INPUT_BYTES) {
      throw new UserError(
        `${file}: file is ${formatBytes(info.size)}, over the ${formatBytes(MAX_INPUT_BYTES)} limit for plans and rubrics`,
        [],
        "Plans and rubrics are small YAML files; check that this is the file you meant.",
      );
    }
    // One read of the size fstat gave; a file that grows meanwhile is read as it was.
    const bytes = Buffer.allocUnsafe(info.size);
    let length = 0;
    while (length < info.size) {
      const read = readSync(fd, bytes, length, info.size - length, null);
      if (read === 0) break;
      length += read;
    }
    return decodeText(bytes.subarray(0, length), file);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fileError(error, file);
  } finally {
    closeSync(fd);
  }
}

export function readTextFile(path: string, display = path): Promise<string> {
  // Still reads synchronously; the executor turns a failed read into a rejection, as `async` did.
  return new Promise((resolve) => {
    resolve(readTextFileSync(path, display));
  });
}

/** Reads stdin with the same limit, stopping early rather than buffering an endless stream. */
export async function readStdinText(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buffer =
      typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (total > MAX_INPUT_BYTES) {
      throw new UserError(
        `<stdin>: input is over the ${formatBytes(MAX_INPUT_BYTES)} limit for plans`,
      );
    }
    chunks.push(buffer);
  }
  return decodeText(Buffer.concat(chunks), "<stdin>");
}

function fileError(error: unknown, file: string): UserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return new UserError(
        `${file}: no such file`,
        [],
        "Check the path, or run `social-audit init` to create a plan.",
      );
    case "EACCES":
    case "EPERM":
      return new UserError(`${file}: permission denied`);
    case "EISDIR":
      return new UserError(`${file}: is a directory, not a file`);
    default:
      return new UserError(`${file}: cannot be read (${code ?? String(error)})`);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

import { closeSync, constants, openSync, readSync, fstatSync } from "node:fs";
import { access, lstat, stat } from "node:fs/promises";
import { UserError } from "../errors.js";
import { cannotWrite, errorCode } from "./file-errors.js";

export async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * What `-o FILE` would write to: nothing yet, a regular file (replaced through a temporary
 * file and a rename), or a device or pipe (written to directly; never replaced).
 */
export type OutputTarget = "new" | "file" | "device";

export interface TargetRules {
  /** Replace an existing regular file whatever it holds. */
  force: boolean;
  /** An existing file this accepts is replaced without `force` (a report we wrote before). */
  replaceable?: ((file: string) => boolean) | undefined;
  /** How the file is named in messages: the name the user gave. */
  display: string;
}

export async function inspectTarget(file: string, rules: TargetRules): Promise<OutputTarget> {
  const { display } = rules;
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOTDIR") throw cannotWrite(display, error);
    if (code !== "ENOENT") throw cannotWrite(display, error);
    // A dangling symlink exists as a name: replacing it is a replacement like any other.
    const link = await lstat(file).catch(() => undefined);
    if (link && !rules.force) throw alreadyExists(display);
    return "new";
  }
  if (info.isDirectory())
    throw new UserError(`cannot write ${display}: it is a folder`, [], "Name a file inside it.");
  if (info.isCharacterDevice() || info.isFIFO()) return "device";
  if (!info.isFile())
    throw new UserError(
      `cannot write ${display}: it is not a regular file`,
      [],
      "--force replaces only regular files; choose another name.",
    );
  if (rules.force || rules.replaceable?.(file)) return "file";
  throw alreadyExists(display);
}

function alreadyExists(display: string): UserError {
  return new UserError(
    `${display}: already exists; refusing to overwrite it`,
    [],
    "Pass --force to replace it, or choose another file.",
  );
}

/** How much of each end of a file is read to recognise a report of ours. */
const PEEK_BYTES = 4096;

/**
 * Whether a file is a report social-audit wrote: JSON, JSON Lines and SARIF carry our name
 * near the top, JUnit names its suites after us, Markdown and HTML sign off at the end with
 * our name and the report schema. Such a file may be replaced by a newer report without
 * --force; a plan, or anything else, may not.
 */
export function isOurReport(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    const size = fstatSync(fd).size;
    const read = (position: number) => {
      const buffer = Buffer.alloc(Math.min(PEEK_BYTES, size));
      const n = readSync(fd, buffer, 0, buffer.length, position);
      return buffer.subarray(0, n).toString("utf8");
    };
    const head = read(0);
    const tail = size > PEEK_BYTES ? read(size - PEEK_BYTES) : head;
    return (
      (/^\s*\{\s*"(schemaVersion|\$schema|type)"/.test(head) &&
        /"name":\s*"social-audit"/.test(head)) ||
      head.includes('<testsuites name="social-audit"') ||
      /(<sub>|<p class="muted">)social-audit [^<\n]*report schema \d+/.test(tail)
    );
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

import { UserError } from "../errors.js";

/** What a file-system error code means to someone who has never seen errno. */
const MEANING: Readonly<Record<string, string>> = {
  ENOSPC: "disk full",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  EEXIST: "a file is in the way",
  ENOTDIR: "a file is in the way of its folder",
  EISDIR: "it is a folder",
  ENOENT: "the folder does not exist",
  EIO: "input/output error",
  EFBIG: "file too large",
  ENAMETOOLONG: "name too long",
  EMFILE: "too many open files",
};

export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** "disk full (ENOSPC)", or the error's own message when its code is not one we explain. */
export function describeFsError(error: unknown): string {
  const code = errorCode(error);
  const meaning = code ? MEANING[code] : undefined;
  if (meaning && code) return `${meaning} (${code})`;
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

/** A write that failed for a reason outside our control: one clear line, exit 2, no stack. */
export function cannotWrite(what: string, error: unknown, hint?: string): UserError {
  return new UserError(`cannot write ${what}: ${describeFsError(error)}`, [], hint);
}

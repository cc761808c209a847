import { randomBytes } from "node:crypto";
import { access, link, mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UserError } from "../errors.js";

export interface WriteOptions {
  /** Replace an existing file; without it an existing file is never touched. */
  force?: boolean;
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes to a temporary file beside the target, flushes it, then renames it over the target,
 * so a crash leaves either the old file or the new one, never a torn one.
 */
export async function writeFileAtomic(file: string, text: string, options: WriteOptions = {}): Promise<void> {
  if (!options.force && (await fileExists(file))) {
    throw new UserError(`${file}: already exists; refusing to overwrite it`, [], "Pass --force to replace it, or choose another file.");
  }
  const directory = dirname(file);
  await mkdir(directory, { recursive: true });
  const temporary = join(directory, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(temporary, "w", 0o644);
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.force) {
      await rename(temporary, file);
    } else {
      // link() fails if the target appeared since the check above, so a racing writer's file survives.
      await link(temporary, file);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new UserError(`${file}: already exists; refusing to overwrite it`, [], "Pass --force to replace it, or choose another file.");
    }
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(`${file}: cannot be written (${code})`);
  } finally {
    await rm(temporary, { force: true });
  }
}

import { access } from "node:fs/promises";
import { fileSink } from "./output-sink.js";

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
 * Writes a whole file atomically: a crash leaves either the old file or the new one, never
 * a torn one, and without `force` an existing file is never replaced.
 */
export async function writeFileAtomic(
  file: string,
  text: string,
  options: WriteOptions = {},
): Promise<void> {
  const sink = await fileSink(file, options.force ?? false);
  try {
    await sink.write(text);
  } catch (error) {
    await sink.abort();
    throw error;
  }
  await sink.commit();
}

import { fileSink } from "./output-sink.js";
import type { TargetRules } from "./output-target.js";

export { fileExists } from "./output-target.js";

export interface WriteOptions {
  /** Replace an existing file; without it an existing file is never touched. */
  force?: boolean;
  /** An existing file this accepts is replaced without `force` (a report we wrote before). */
  replaceable?: TargetRules["replaceable"];
  /** The name to show in messages; the path itself by default. */
  display?: string;
}

/**
 * Writes a whole file atomically and durably: a crash leaves either the old file or the new
 * one, never a torn one, and without `force` an existing file is never replaced.
 */
export async function writeFileAtomic(
  file: string,
  text: string,
  options: WriteOptions = {},
): Promise<void> {
  const sink = await fileSink({
    file,
    display: options.display ?? file,
    force: options.force ?? false,
    replaceable: options.replaceable,
  });
  try {
    await sink.write(text);
  } catch (error) {
    await sink.abort();
    throw error;
  }
  await sink.commit();
}

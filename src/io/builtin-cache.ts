import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { FileResult } from "./rubric-file-result.js";
import { packageInfo } from "./package-root.js";

/**
 * The shipped rubrics, parsed and validated at build time. Parsing YAML and validating it
 * was most of an audit's start-up; this cache is used only while every rubric file's text
 * is exactly the text it was built from, so an edited rubric is simply read the slow way.
 * (Comparing the text is exact, and cheaper at start-up than hashing it.)
 */
export interface BuiltinCache {
  files: { name: string; text: string; result: FileResult }[];
}

export function cacheFile(): string {
  return join(packageInfo().root, "dist", "builtin-rubrics.json");
}

export function contentHash(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** `files` are the shipped rubric files as `rubricFiles` lists them; the cache must match them all. */
export function readBuiltinCache(files: readonly string[]): FileResult[] | undefined {
  let cache: BuiltinCache;
  try {
    cache = JSON.parse(readFileSync(cacheFile(), "utf8")) as BuiltinCache;
  } catch {
    return undefined;
  }
  if (files.map((f) => basename(f)).join("\n") !== cache.files.map((f) => f.name).join("\n"))
    return undefined;
  const texts = files.map((f) => readFileSync(f, "utf8"));
  if (texts.some((text, i) => text !== cache.files[i]?.text)) return undefined;
  return cache.files.map((f) => f.result);
}

export async function writeBuiltinCache(entries: BuiltinCache["files"]): Promise<void> {
  await writeFile(cacheFile(), `${JSON.stringify({ files: entries })}\n`);
}

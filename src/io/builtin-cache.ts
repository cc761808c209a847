import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { FileResult } from "./load-rubrics.js";
import { packageInfo } from "./package-root.js";

/**
 * The shipped rubrics, parsed and validated at build time. Parsing YAML and validating it
 * was most of an audit's start-up; this cache is used only while every rubric file's hash
 * still matches, so an edited rubric is simply read the slow way.
 */
export interface BuiltinCache {
  files: { name: string; hash: string; result: FileResult }[];
}

export function cacheFile(): string {
  return join(packageInfo().root, "dist", "builtin-rubrics.json");
}

export function contentHash(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** `files` are the shipped rubric files as `rubricFiles` lists them; the cache must match them all. */
export async function readBuiltinCache(files: readonly string[]): Promise<FileResult[] | undefined> {
  let cache: BuiltinCache;
  try {
    cache = JSON.parse(await readFile(cacheFile(), "utf8")) as BuiltinCache;
  } catch {
    return undefined;
  }
  if (files.map((f) => basename(f)).join("\n") !== cache.files.map((f) => f.name).join("\n")) return undefined;
  const hashes = await Promise.all(files.map(async (f) => contentHash(await readFile(f))));
  if (hashes.some((h, i) => h !== cache.files[i]?.hash)) return undefined;
  return cache.files.map((f) => f.result);
}

export async function writeBuiltinCache(entries: BuiltinCache["files"]): Promise<void> {
  await writeFile(cacheFile(), `${JSON.stringify({ files: entries })}\n`);
}

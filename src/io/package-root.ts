import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface PackageInfo {
  root: string;
  version: string;
  homepage?: string | undefined;
}

let cached: PackageInfo | undefined;

/** The installed package's folder, found by walking up so it works from src/, dist/ or a bundle. */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, "utf8")) as {
        name?: unknown;
        version?: unknown;
        homepage?: unknown;
      };
      if (parsed.name === "social-audit") {
        cached = {
          root: dir,
          version: typeof parsed.version === "string" ? parsed.version : "0.0.0",
          // Only a public https page: SARIF viewers link to it from every alert.
          homepage:
            typeof parsed.homepage === "string" && parsed.homepage.startsWith("https://")
              ? parsed.homepage
              : undefined,
        };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("social-audit: cannot find its own package.json");
    dir = parent;
  }
}

export function builtinRubricsDir(): string {
  return join(packageInfo().root, "rubrics");
}

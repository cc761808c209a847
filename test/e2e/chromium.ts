import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The headless browser the HTML tests open pages in; undefined skips them (.ci/run installs Debian's chromium). */
export const browser = CANDIDATES.find((path) => existsSync(path));
if (!browser)
  console.warn(
    `browser tests: skipped, no Chromium found at ${CANDIDATES.join(", ")} (.ci/run installs Debian's chromium)`,
  );

/** Runs headless Chromium with flags that keep it quiet on a closed network, as root, with a fresh profile. */
export function chromium(args: string[], dir: string) {
  const profile = join(dir, "profile");
  mkdirSync(profile, { recursive: true });
  return spawnSync(
    browser ?? "chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: "utf8", timeout: 90_000 },
  );
}

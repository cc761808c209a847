import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers.js";
import { browser, chromium } from "./chromium.js";

describe.skipIf(!browser)("html trend in a real browser", () => {
  it("draws a line per series with a point per audit, and prints to PDF", async () => {
    const dir = tempDir();
    const page = join(dir, "trend.html");
    const { stdout } = await runCli([
      "trend",
      "examples/trend/2025-11-first-audit.yaml",
      "examples/trend/2026-05-second-audit.yaml",
      "examples/trend/2026-11-third-audit.yaml",
      "--format",
      "html",
    ]);
    writeFileSync(page, stdout);
    const dom = chromium(["--dump-dom", `file://${page}`], dir);
    expect(dom.status).toBe(0);
    // The browser's own parse: five series (overall and four dimensions), three points each.
    expect(dom.stdout).toContain('<svg class="trend"');
    expect((dom.stdout.match(/<g class="series"/g) ?? []).length).toBe(5);
    expect((dom.stdout.match(/<polyline /g) ?? []).length).toBe(5);
    expect((dom.stdout.match(/<circle /g) ?? []).length).toBe(15);
    expect(dom.stdout).toMatch(/<title>Overall, 2026-11-12: 79\.1<\/title>/);
    const pdf = join(dir, "trend.pdf");
    const printed = chromium(
      [`--print-to-pdf=${pdf}`, "--no-pdf-header-footer", `file://${page}`],
      dir,
    );
    expect(printed.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("shows a hostile organisation name as text", async () => {
    const dir = tempDir();
    const plan = join(dir, "hostile.yaml");
    writeFileSync(
      plan,
      `organization: "<img src=x onerror=\\"document.title='pwned'\\"><script>document.title='pwned'</script>"\ndate: 2026-01-01\nanswers: {}\n`,
    );
    const { stdout } = await runCli(["trend", plan, "--format", "html"]);
    const page = join(dir, "trend.html");
    writeFileSync(page, stdout);
    const dom = chromium(["--dump-dom", `file://${page}`], dir);
    expect(dom.status).toBe(0);
    expect(dom.stdout).not.toMatch(/<img|<script/);
    expect(dom.stdout).not.toContain("<title>pwned</title>");
  });
});

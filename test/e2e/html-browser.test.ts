import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers.js";
import { browser, chromium } from "./chromium.js";

describe.skipIf(!browser)("html report in a real browser", () => {
  it("renders the radar chart, bars and recommendations, and prints to PDF", async () => {
    const dir = tempDir();
    const page = join(dir, "report.html");
    const { stdout } = await runCli(["audit", "examples/accounting-firm.yaml", "--format", "html"]);
    writeFileSync(page, stdout);
    const dom = chromium(["--dump-dom", `file://${page}`], dir);
    expect(dom.status).toBe(0);
    // The browser's own parse of the page: elements as it built them, not our string.
    expect(dom.stdout).toContain('<svg class="radar"');
    expect((dom.stdout.match(/<div class="bar-row">/g) ?? []).length).toBe(4);
    expect(dom.stdout).toMatch(/<div class="score" data-testid="overall">73\.4<\/div>/);
    const pdf = join(dir, "report.pdf");
    const printed = chromium(
      [`--print-to-pdf=${pdf}`, "--no-pdf-header-footer", `file://${page}`],
      dir,
    );
    expect(printed.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
  });

  it("shows hostile plan text as text: no element, no script, no title change", async () => {
    const dir = tempDir();
    const plan = join(dir, "hostile.yaml");
    writeFileSync(
      plan,
      `organization: "<img src=x onerror=\\"document.title='pwned'\\"><script>document.title='pwned'</script>"\nnotes: "</p><h1 id=injected>hi</h1>"\nanswers: {}\n`,
    );
    const { stdout } = await runCli(["audit", plan, "--format", "html"]);
    const page = join(dir, "report.html");
    writeFileSync(page, stdout);
    const dom = chromium(["--dump-dom", `file://${page}`], dir);
    expect(dom.status).toBe(0);
    expect(dom.stdout).not.toMatch(/<img|<script|id="injected"/);
    expect(dom.stdout).not.toContain("<title>pwned</title>");
    expect(dom.stdout).toContain("&lt;img src=x");
  });
});

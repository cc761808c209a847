import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { ROOT, example, runCli, tempDir } from "../helpers.js";

/**
 * The bundle loads string-width on the first measurement outside the one-column fast path
 * (scripts/build-cli.js), so a table whose text is all ASCII never pays for it. This checks
 * the other side from the built CLI: wide and emoji text still measures right.
 */
describe("terminal table with wide text", () => {
  it("keeps every row of the grid the same width with CJK and emoji in a dimension title", async () => {
    const rubrics = tempDir();
    for (const file of readdirSync(join(ROOT, "rubrics")))
      copyFileSync(join(ROOT, "rubrics", file), join(rubrics, file));
    const presence = join(rubrics, "presence.yaml");
    writeFileSync(
      presence,
      readFileSync(presence, "utf8").replace(/^title: .*$/m, "title: 存在感 🌟 Presence"),
    );

    const result = await runCli(["audit", example("bakery.yaml"), "--rubrics", rubrics]);

    expect(result.code).toBe(0);
    // The first grid is the dimension table: from its top border to its bottom one.
    const lines = result.stdout.split("\n");
    const top = lines.findIndex((line) => line.startsWith("┌"));
    const bottom = lines.findIndex((line, i) => i > top && line.startsWith("└"));
    const grid = lines.slice(top, bottom + 1);
    expect(grid.some((line) => line.includes("存在感 🌟 Presence"))).toBe(true);
    expect(new Set(grid.map((line) => stringWidth(line))).size).toBe(1);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auditPlanText } from "../../src/audit/index.js";
import { planError } from "../../src/core/envelope.js";
import { MARKDOWN_BATCH_LIMIT, markdownRenderer } from "../../src/render/markdown.js";
import { builtinRubrics, example } from "../helpers.js";

const options = { color: false, top: 3, width: 80 };

async function reports(n: number) {
  const text = readFileSync(example("bakery.yaml"), "utf8");
  const report = auditPlanText(
    { source: "bakery.yaml", display: "bakery.yaml", text },
    await builtinRubrics(),
    { toolVersion: "test", strict: false, thresholds: {} },
  );
  return Array.from({ length: n }, (_, i) => ({
    ...report,
    organization: `Client ${i}`,
    source: { plan: `clients/client-${i}.yaml` },
  }));
}

describe("Markdown for many plans", () => {
  it("stays within the PR-comment limit even when the summary table alone would not", async () => {
    const many = await reports(1000);
    const errors = [planError("clients/broken.yaml", "bad", [{ line: 3, message: "bad" }])];
    const text = markdownRenderer.batch(many, options, errors);
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_BATCH_LIMIT);
    expect(text).toMatch(/\| … \d+ more plans \|/);
    expect(text).toMatch(/and \d+ are not in the table/);
    expect(text).toContain("`clients/broken.yaml` line 3: bad");
  });

  it("keeps a batch that fits in full, summary table first", async () => {
    const text = markdownRenderer.batch(await reports(2), options, []);
    expect(text.startsWith("# Social readiness audits\n\n2 plans, 2 passed")).toBe(true);
    expect(text).not.toContain("<details>");
    expect(text.match(/^## Social readiness: Client \d$/gm)).toHaveLength(2);
  });
});

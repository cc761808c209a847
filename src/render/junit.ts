import type { Report } from "../core/report-schema.js";
import { formatScore, thresholdName } from "./report-text.js";
import { escapeXml } from "../text/escape.js";
import type { Renderer } from "./types.js";

/**
 * Each dimension, and the overall score, is a test case; a failed threshold on it is the
 * failure, so CI dashboards show which part of the audit failed.
 */
function suite(report: Report): { xml: string; tests: number; failures: number } {
  const cases: { name: string; classname: string; failures: string[]; out: string }[] = [
    {
      name: "overall",
      classname: "social-audit.overall",
      failures: [],
      out: `Overall ${formatScore(report.overall.score)}/100 (${report.overall.level.label})`,
    },
    ...report.dimensions.map((d) => ({
      name: d.id,
      classname: "social-audit.dimension",
      failures: [] as string[],
      out: `${d.title}: ${formatScore(d.score)}/100 (${d.level.label})`,
    })),
  ];
  for (const check of report.thresholds.checks) {
    if (check.passed) continue;
    const target = cases.find((c) =>
      check.scope === "overall" ? c.name === "overall" : c.name === check.dimension,
    );
    target?.failures.push(
      `${thresholdName(check)}, but scored ${formatScore(check.actual)} (${check.source})`,
    );
  }
  const failures = cases.filter((c) => c.failures.length > 0).length;
  const body = cases
    .map((c) => {
      const failure =
        c.failures.length > 0
          ? `\n      <failure message="${escapeXml(c.failures.join("; "))}" type="threshold">${escapeXml(c.failures.join("\n"))}</failure>`
          : "";
      return `    <testcase name="${escapeXml(c.name)}" classname="${c.classname}" time="0">${failure}\n      <system-out>${escapeXml(c.out)}</system-out>\n    </testcase>`;
    })
    .join("\n");
  const name = escapeXml(report.organization);
  const file = report.source.plan ? ` file="${escapeXml(report.source.plan)}"` : "";
  return {
    xml: `  <testsuite name="${name}"${file} tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">\n${body}\n  </testsuite>`,
    tests: cases.length,
    failures,
  };
}

function document(reports: readonly Report[]): string {
  const suites = reports.map(suite);
  const tests = suites.reduce((s, x) => s + x.tests, 0);
  const failures = suites.reduce((s, x) => s + x.failures, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="social-audit" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.map((s) => s.xml).join("\n")}\n</testsuites>\n`;
}

export const junitRenderer: Renderer = {
  report: (report) => document([report]),
  batch: (reports) => document(reports),
};

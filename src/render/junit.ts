import type { Report } from "../core/report-schema.js";
import { capNote, fixFirst, isAssessed, overallCapNote, thresholdName } from "./report-text.js";
import { escapeXml } from "./sanitize.js";
import type { Renderer } from "./types.js";

/**
 * Each dimension, and the overall score, is a test case; a failed threshold on it is the
 * failure, so CI dashboards show which part of the audit failed.
 */
function suite(report: Report): { xml: string; tests: number; failures: number } {
  // Critical findings go in the output of their dimension's case (they fail no threshold,
  // so they are not failures), each line starting "Fix first:" so a dashboard shows them.
  const fixLines = (id: string | undefined) =>
    fixFirst(report)
      .filter((r) => id === undefined || r.dimension === id)
      .map((r) => `\nFix first: ${r.title}${r.why ? ` (${r.why})` : ""}`)
      .join("");
  const overallCap = overallCapNote(report);
  const cases: {
    name: string;
    classname: string;
    failures: string[];
    out: string;
    skipped?: boolean;
  }[] = [
    {
      name: "overall",
      classname: "social-audit.overall",
      failures: [],
      out: `Overall ${report.overall.score.toFixed(1)}/100 (${report.overall.level.label}${overallCap ? `, ${overallCap}` : ""})${fixLines(undefined)}`,
    },
    ...report.dimensions.map((d) =>
      isAssessed(d)
        ? {
            name: d.id,
            classname: "social-audit.dimension",
            failures: [] as string[],
            out: `${d.title}: ${d.score.toFixed(1)}/100 (${d.level.label}${capNote(report, d) ? `, ${capNote(report, d)}` : ""})${fixLines(d.id)}`,
          }
        : {
            name: d.id,
            classname: "social-audit.dimension",
            failures: [] as string[],
            out: `${d.title}: not assessed`,
            skipped: true,
          },
    ),
  ];
  for (const check of report.thresholds.checks) {
    if (check.passed) continue;
    const target = cases.find((c) =>
      check.scope === "overall" ? c.name === "overall" : c.name === check.dimension,
    );
    target?.failures.push(
      `${thresholdName(check)}, but scored ${check.actual.toFixed(1)} (${check.source})`,
    );
  }
  const failures = cases.filter((c) => c.failures.length > 0).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const body = cases
    .map((c) => {
      const failure =
        c.failures.length > 0
          ? `\n      <failure message="${escapeXml(c.failures.join("; "))}" type="threshold">${escapeXml(c.failures.join("\n"))}</failure>`
          : c.skipped
            ? `\n      <skipped message="not assessed in this run"/>`
            : "";
      return `    <testcase name="${escapeXml(c.name)}" classname="${c.classname}" time="0">${failure}\n      <system-out>${escapeXml(c.out)}</system-out>\n    </testcase>`;
    })
    .join("\n");
  const name = escapeXml(report.organization);
  const file = report.source.plan ? ` file="${escapeXml(report.source.plan)}"` : "";
  return {
    xml: `  <testsuite name="${name}"${file} tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">\n${body}\n  </testsuite>`,
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

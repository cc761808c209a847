import type { Report } from "../core/report-schema.js";
import {
  capNote,
  fixFirst,
  formatScore,
  isAssessed,
  overallCapNote,
  thresholdName,
} from "./report-text.js";
import { escapeXml } from "../text/escape.js";
import type { PlanError } from "../core/envelope.js";
import type { Renderer } from "./types.js";

/**
 * One test suite per plan, named by its file; in it the overall score and each dimension are
 * test cases, and a failed threshold on one is its failure, so CI dashboards show which plan
 * and which part of it failed. Consumers key a test by classname and name, so the classname
 * is the plan (its path without the extension, as ESLint's JUnit output does), made unique.
 */

interface Case {
  name: string;
  failures: string[];
  out: string;
  skipped?: boolean;
}

/** Makes each name unique by numbering repeats: `a`, `a (2)`, `a (3)`. */
function uniquifier(): (name: string) => string {
  const seen = new Map<string, number>();
  return (name) => {
    let n = seen.get(name) ?? 0;
    let candidate = name;
    while (seen.has(candidate)) candidate = `${name} (${++n + 1})`;
    seen.set(name, n);
    seen.set(candidate, 0);
    return candidate;
  };
}

function suite(
  report: Report,
  classname: string,
): { xml: string; tests: number; failures: number } {
  const caseName = uniquifier();
  // Critical findings go in the output of their dimension's case (they fail no threshold,
  // so they are not failures), each line starting "Fix first:" so a dashboard shows them.
  const fixLines = (id: string | undefined) =>
    fixFirst(report)
      .filter((r) => id === undefined || r.dimension === id)
      .map((r) => `\nFix first: ${r.title}${r.why ? ` (${r.why})` : ""}`)
      .join("");
  const overallCap = overallCapNote(report);
  const cases: Case[] = [
    {
      name: caseName("overall"),
      failures: [],
      out: `Overall ${formatScore(report.overall.score)}/100 (${report.overall.level.label}${overallCap ? `, ${overallCap}` : ""})${fixLines(undefined)}`,
    },
    ...report.dimensions.map((d): Case => {
      const name = caseName(d.id);
      if (!isAssessed(d))
        return { name, failures: [], out: `${d.title}: not assessed`, skipped: true };
      const cap = capNote(report, d);
      return {
        name,
        failures: [],
        out: `${d.title}: ${formatScore(d.score)}/100 (${d.level.label}${cap ? `, ${cap}` : ""})${fixLines(d.id)}`,
      };
    }),
  ];
  const overall = cases[0];
  for (const check of report.thresholds.checks) {
    if (check.passed) continue;
    const index =
      check.scope === "overall"
        ? 0
        : report.dimensions.findIndex((d) => d.id === check.dimension) + 1;
    (cases[index] ?? overall)?.failures.push(
      `${thresholdName(check)}, but scored ${formatScore(check.actual)} (${check.source})`,
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
      return `    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(classname)}" time="0">${failure}\n      <system-out>${escapeXml(c.out)}</system-out>\n    </testcase>`;
    })
    .join("\n");
  const plan = report.source.plan;
  const properties = [
    ["organization", report.organization],
    ["overall", formatScore(report.overall.score)],
    ["level", report.overall.level.label],
  ]
    .map(([name, value]) => `      <property name="${name}" value="${escapeXml(value ?? "")}"/>`)
    .join("\n");
  const file = plan === null ? "" : ` file="${escapeXml(plan)}"`;
  return {
    xml: `  <testsuite name="${escapeXml(plan ?? "<stdin>")}"${file} tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">\n    <properties>\n${properties}\n    </properties>\n${body}\n  </testsuite>`,
    tests: cases.length,
    failures,
  };
}

/** A plan's path without its extension, or `stdin`. */
const classnameFor = (plan: string | null) =>
  plan === null ? "stdin" : plan.replace(/\\/g, "/").replace(/\.[^./]*$/, "");

/** An invalid plan: a suite of its own whose one case is an `<error>`, so dashboards go red. */
function errorSuite(error: PlanError, classname: string): string {
  const where = [error.file, error.line, error.column].filter((p) => p !== null).join(":");
  const details = error.problems
    .map(
      (p) =>
        `${[error.file, p.line, p.column].filter((x) => x !== null).join(":")}: ${p.path ? `${p.path}: ` : ""}${p.message}`,
    )
    .join("\n");
  const file = error.file === "<stdin>" ? "" : ` file="${escapeXml(error.file)}"`;
  return `  <testsuite name="${escapeXml(error.file)}"${file} tests="1" failures="0" errors="1" skipped="0" time="0">\n    <testcase name="plan" classname="${escapeXml(classname)}" time="0">\n      <error message="${escapeXml(`${where}: ${error.message}`)}" type="invalid-plan">${escapeXml(details || error.message)}</error>\n    </testcase>\n  </testsuite>`;
}

function document(reports: readonly Report[], errors: readonly PlanError[] = []): string {
  const classname = uniquifier();
  const suites = reports.map((r) => suite(r, classname(classnameFor(r.source.plan))));
  const invalid = errors.map((e) =>
    errorSuite(e, classname(classnameFor(e.file === "<stdin>" ? null : e.file))),
  );
  const tests = suites.reduce((s, x) => s + x.tests, 0) + invalid.length;
  const failures = suites.reduce((s, x) => s + x.failures, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="social-audit" tests="${tests}" failures="${failures}" errors="${invalid.length}" time="0">\n${[...suites.map((s) => s.xml), ...invalid].join("\n")}\n</testsuites>\n`;
}

export const junitRenderer: Renderer = {
  report: (report) => document([report]),
  batch: (reports, _options, errors) => document(reports, errors),
};

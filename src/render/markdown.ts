import type { Report } from "../core/report-schema.js";
import { summarize } from "../core/summary.js";
import {
  capNote,
  dimensionTitle,
  fixFirst,
  formatGain,
  formatScore,
  gainOverall,
  isAssessed,
  nextSteps,
  notApplicable,
  notesOf,
  nowAndNext,
  overallCapNote,
  stepTitles,
  thresholdName,
  thresholdVerdict,
  auditNotes,
} from "./report-text.js";
import { escapeMarkdown, markdownCode } from "../text/escape.js";
import { bar } from "./table.js";
import type { RenderOptions, Renderer } from "./types.js";

/** Plan text must not become markup; the escaping lives in src/text with the other formats'. */
export const md = escapeMarkdown;

function renderReport(report: Report, options: RenderOptions, heading = "#"): string {
  const out: string[] = [];
  out.push(`${heading} Social readiness: ${md(report.organization)}`, "");
  const meta = [
    report.date && `Date: ${md(report.date)}`,
    report.auditor && `Auditor: ${md(report.auditor)}`,
    report.source.plan && `Plan: ${markdownCode(report.source.plan)}`,
  ].filter(Boolean);
  if (meta.length > 0) out.push(meta.join(" · "), "");
  const overallLevel = report.levels.find((l) => l.id === report.overall.level.id);
  out.push(
    `**Overall: ${formatScore(report.overall.score)}/100, ${md(report.overall.level.label)}.** ${overallLevel ? md(overallLevel.summary) : ""}`,
    "",
  );
  const overallCap = overallCapNote(report);
  if (overallCap) out.push(`**Level ${md(overallCap)}.**`, "");

  out.push("| Dimension | Score | Level | |", "| --- | ---: | --- | --- |");
  for (const d of report.dimensions) {
    if (!isAssessed(d)) {
      out.push(`| ${md(d.title)} | - | not assessed | |`);
      continue;
    }
    const cap = capNote(report, d);
    out.push(
      `| ${md(d.title)} | ${formatScore(d.score)} | ${md(d.level.label)}${cap ? ` (${md(cap)})` : ""} | \`${bar(d.score)}\` |`,
    );
  }
  out.push("");

  const critical = fixFirst(report);
  if (critical.length > 0) {
    out.push(`${heading}# Fix first`, "");
    out.push(
      "Critical findings: answers that mean nobody is home or the organisation is at risk. They hold the level down until fixed, whatever their gain.",
      "",
    );
    for (const r of critical)
      out.push(
        `${r.rank}. **${md(r.title)}** (${md(dimensionTitle(report, r.dimension))}, ${r.effort} effort, ${gainOverall(r)})  `,
        ...(r.why ? [`   ${md(r.why)}  `] : []),
        `   ${md(nowAndNext(r))} ${md(r.detail)}`,
      );
    out.push("");
  }

  const rest = nextSteps(report);
  if (rest.length > 0) {
    const top = rest.slice(0, Math.max(options.top, 1));
    out.push(`${heading}# Next steps`, "");
    out.push(
      `The ${top.length} highest-value recommendations of ${rest.length}, ranked by overall gain (points of 100) per unit of effort.`,
      "",
    );
    for (const r of top) {
      out.push(
        `${r.rank}. **${md(r.title)}** (${md(dimensionTitle(report, r.dimension))}, ${r.effort} effort, ${gainOverall(r)})  `,
        `   ${r.target ? `${md(nowAndNext(r))} ` : ""}${md(r.detail)}`,
      );
    }
    out.push("");
  }

  out.push(`${heading}# Dimensions`, "");
  for (const d of report.dimensions) {
    if (!isAssessed(d)) {
      out.push(`${heading}## ${md(d.title)}: not assessed`, "");
      continue;
    }
    out.push(
      `${heading}## ${md(d.title)}: ${formatScore(d.score)} (${md(d.level.label)})`,
      "",
      md(d.description),
      "",
    );
    out.push(`- **Existing:** ${md(d.existing)}`, `- **Living:** ${md(d.living)}`);
    const steps = stepTitles(report, d);
    if (d.nextLevel && steps.length > 0) {
      out.push(
        `- **To reach ${md(d.nextLevel.level.label)}** (+${formatScore(d.nextLevel.pointsNeeded)} points): ${steps.map(md).join("; ")}.`,
      );
    }
    const recs = report.recommendations.filter((r) => r.dimension === d.id);
    if (recs.length > 0) {
      out.push(
        "",
        "| # | Recommendation | Effort | Gain (dimension points) |",
        "| ---: | --- | --- | ---: |",
      );
      for (const r of recs)
        out.push(
          `| ${r.rank} | ${r.critical ? "**Fix first:** " : ""}**${md(r.title)}**: ${md(r.detail)} | ${r.effort} | ${formatGain(r.gain.dimension)} |`,
        );
    }
    out.push("");
  }

  for (const section of auditNotes(report)) {
    out.push(`${heading}# ${md(section.title)}`, "", md(section.intro), "");
    for (const item of section.items) out.push(`- ${md(item)}`);
    out.push("");
  }

  if (report.unanswered.length > 0) {
    out.push(`${heading}# Unanswered questions`, "", "Each scores 0 until answered.", "");
    for (const u of report.unanswered)
      out.push(
        `- ${md(dimensionTitle(report, u.dimension))}: ${md(u.prompt)} (${markdownCode(`${u.dimension}.${u.question}`)})`,
      );
    out.push("");
  }

  const skipped = notApplicable(report);
  if (skipped.length > 0) {
    out.push(`${heading}# Not applicable`, "", "These carry no weight in the scores.", "");
    for (const n of skipped)
      out.push(
        `- ${md(dimensionTitle(report, n.dimension))}: ${md(n.prompt)} (\`${n.dimension}.${n.question}\`). ${md(n.reason)}`,
      );
    out.push("");
  }

  const notes = notesOf(report);
  if (report.notes || notes.length > 0) {
    out.push(`${heading}# Notes`, "");
    if (report.notes) out.push(md(report.notes), "");
    for (const n of notes) out.push(`- **${md(n.dimension)}**, ${md(n.prompt)} ${md(n.text)}`);
    if (notes.length > 0) out.push("");
  }

  if (report.thresholds.checks.length > 0) {
    out.push(
      `${heading}# Thresholds`,
      "",
      "| Check | Actual | Result | From |",
      "| --- | ---: | --- | --- |",
    );
    for (const c of report.thresholds.checks)
      out.push(
        `| ${thresholdName(c)} | ${formatScore(c.actual)} | ${c.passed || c.evaluated === false ? thresholdVerdict(c) : "**FAIL**"} | ${c.source} |`,
      );
    out.push("");
  }
  out.push(
    `<sub>social-audit ${md(report.tool.version)}, report schema ${report.schemaVersion}</sub>`,
    "",
  );
  return out.join("\n");
}

export const markdownRenderer: Renderer = {
  report: (report, options) => renderReport(report, options),
  batch: (reports, options) => {
    const summary = summarize(reports);
    const head = [
      "# Social readiness audits",
      "",
      `${summary.plans} plans, ${summary.passed} passed, ${summary.failed} below a threshold; average overall score ${formatScore(summary.averageOverall)}.`,
      "",
      "| Organization | Overall | Level | Thresholds |",
      "| --- | ---: | --- | --- |",
      ...reports.map(
        (r) =>
          `| ${md(r.organization)} | ${formatScore(r.overall.score)} | ${md(r.overall.level.label)} | ${r.thresholds.checks.length === 0 ? "-" : r.thresholds.passed ? "pass" : "**FAIL**"} |`,
      ),
      "",
    ];
    return [head.join("\n"), ...reports.map((r) => renderReport(r, options, "##"))].join("\n");
  },
};

import { summarizeAudit, type PlanError } from "../core/envelope.js";
import type { Report } from "../core/report-schema.js";
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
  adviceText,
  overallCapNote,
  stepTitles,
  thresholdName,
  thresholdVerdict,
  auditNotes,
  batchCounts,
  shownOf,
} from "./report-text.js";
import { escapeMarkdown, markdownCode } from "../text/escape.js";
import { bar } from "./table.js";
import type { RenderOptions, Renderer } from "./types.js";

/** Plan text must not become markup; the escaping lives in src/text with the other formats'. */
export const md = escapeMarkdown;

/**
 * A GitHub PR comment holds 65,536 characters; a batch above this many is collapsed to fit,
 * with room left for a bot's own header.
 */
export const MARKDOWN_BATCH_LIMIT = 60_000;

/**
 * One plan's report. `compact` keeps what a reader acts on (scores, fix first, the top
 * recommendations, thresholds) and leaves out the per-dimension detail.
 */
function renderReport(
  report: Report,
  options: RenderOptions,
  heading = "#",
  compact = false,
): string {
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
        `   ${adviceText(r, md)}`,
      );
    out.push("");
  }

  const rest = nextSteps(report);
  if (rest.length > 0) {
    const top = rest.slice(0, Math.max(options.top, 1));
    out.push(`${heading}# Next steps`, "");
    out.push(
      `The highest-value recommendations, ${shownOf(report, top.length)}, ranked by overall gain (points of 100) per unit of effort.`,
      "",
    );
    for (const r of top) {
      out.push(
        `${r.rank}. **${md(r.title)}** (${md(dimensionTitle(report, r.dimension))}, ${r.effort} effort, ${gainOverall(r)})  `,
        `   ${adviceText(r, md)}`,
      );
    }
    out.push("");
  }

  if (!compact) details(report, heading, out);

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

/** The per-dimension detail, unanswered and not-applicable questions, and notes. */
function details(report: Report, heading: string, out: string[]): void {
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
          `| ${r.rank} | ${r.critical ? "**Fix first:** " : ""}**${md(r.title)}**: ${adviceText(r, md)} | ${r.effort} | ${formatGain(r.gain.dimension)} |`,
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
}

/** Plans that could not be audited, each named with where its first problem is. */
function errorSection(errors: readonly PlanError[]): string[] {
  if (errors.length === 0) return [];
  return [
    "## Plans that could not be audited",
    "",
    ...errors.map((e) => {
      const where =
        e.line === null ? "" : ` line ${e.line}${e.column === null ? "" : `, column ${e.column}`}`;
      const more = e.problems.length > 1 ? ` (and ${e.problems.length - 1} more problems)` : "";
      return `- ${markdownCode(e.file)}${where}: ${md(e.message)}${more}`;
    }),
    "",
  ];
}

const verdict = (r: Report) =>
  r.thresholds.checks.length === 0 ? "-" : r.thresholds.passed ? "pass" : "**FAIL**";

/**
 * Several plans: a summary table, the invalid plans, then a section per plan. Above
 * MARKDOWN_BATCH_LIMIT characters (a PR comment holds 65,536), each plan's section is
 * shortened to what a reader acts on and collapsed in `<details>`; sections that still do
 * not fit are left out, and the text says so.
 */
function renderBatch(
  reports: readonly Report[],
  options: RenderOptions,
  errors: readonly PlanError[] = [],
): string {
  const summary = summarizeAudit(reports, errors);
  const counts = `${batchCounts(summary)}.`;
  const rows = reports.map(
    (r) =>
      `| ${md(r.organization)} | ${r.source.plan === null ? "stdin" : markdownCode(r.source.plan)} | ${formatScore(r.overall.score)} | ${md(r.overall.level.label)} | ${verdict(r)} |`,
  );
  const tableHead = [
    "| Organization | Plan | Overall | Level | Thresholds |",
    "| --- | --- | ---: | --- | --- |",
  ];
  const head = (shownRows: readonly string[], note: string[] = []) =>
    [
      "# Social readiness audits",
      "",
      counts,
      "",
      ...note,
      ...(reports.length > 0 ? [...tableHead, ...shownRows, ""] : []),
      ...errorSection(errors),
    ].join("\n");

  const full = [head(rows), ...reports.map((r) => renderReport(r, options, "##"))].join("\n");
  if (full.length <= MARKDOWN_BATCH_LIMIT) return full;

  // Too long for a PR comment: the summary table stays whole if it can (half the budget at
  // most), then each plan's short section, collapsed, while they fit.
  let shownRows = rows;
  let rowsLeft = 0;
  const rowBudget = MARKDOWN_BATCH_LIMIT / 2;
  if (rows.join("\n").length > rowBudget) {
    let used = 0;
    shownRows = [];
    for (const row of rows) {
      if (used + row.length + 1 > rowBudget) break;
      shownRows.push(row);
      used += row.length + 1;
    }
    rowsLeft = rows.length - shownRows.length;
    shownRows.push(`| … ${rowsLeft} more plans | | | | |`);
  }
  const sections: string[] = [];
  const collapsed = (r: Report) =>
    `<details><summary>${md(r.organization)}: ${formatScore(r.overall.score)}/100, ${md(r.overall.level.label)}${r.thresholds.passed ? "" : ", below a threshold"}</summary>\n\n${renderReport(r, options, "##", true)}\n</details>\n`;
  // Room for the note below, whose length barely varies.
  let budget = MARKDOWN_BATCH_LIMIT - head(shownRows).length - 400;
  for (const r of reports) {
    const section = collapsed(r);
    if (section.length + 1 > budget) break;
    sections.push(section);
    budget -= section.length + 1;
  }
  const left = reports.length - sections.length;
  const note = [
    `> This report was ${full.length.toLocaleString("en-US")} characters, more than a pull-request comment holds, so each plan's details are collapsed and list only its top ${options.top} recommendations${left > 0 ? `; ${left} plans' sections are left out` : ""}${rowsLeft > 0 ? ` and ${rowsLeft} are not in the table` : ""}. Every plan is in full in --format json or html.`,
    "",
  ];
  return [head(shownRows, note), ...sections].join("\n");
}

export const markdownRenderer: Renderer = {
  report: (report, options) => renderReport(report, options),
  batch: renderBatch,
};

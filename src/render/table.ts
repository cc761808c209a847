import { Chalk, type ChalkInstance } from "chalk";
import type { DimensionResult, Report } from "../core/report-schema.js";
import { summarizeAudit, type PlanError } from "../core/envelope.js";
import { renderGrid, type Cell, type Column } from "../text/grid.js";
import { oneLine } from "../text/sanitize.js";
import { wrapText } from "../text/width.js";
import {
  capNote,
  fixFirst,
  formatGain,
  formatScore,
  isAssessed,
  nextSteps,
  notApplicable,
  nowAndNext,
  adviceText,
  overallCapNote,
  thresholdVerdict,
  auditNotes,
  batchCounts,
  shownOf,
} from "./report-text.js";
import type { RenderOptions, Renderer } from "./types.js";

const BAR_WIDTH = 20;

export function bar(score: number, width = BAR_WIDTH): string {
  const filled = Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
}

function levelColour(c: ChalkInstance, report: Report, levelId: string): (text: string) => string {
  const index = report.levels.findIndex((l) => l.id === levelId);
  const position = report.levels.length > 1 ? index / (report.levels.length - 1) : 1;
  if (position >= 1) return c.green;
  if (position >= 0.5) return c.cyan;
  if (position > 0) return c.yellow;
  return c.red;
}

/** Every table of the report goes through here, so all of them fit the terminal. */
function table(
  c: ChalkInstance,
  options: RenderOptions,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
): string {
  return renderGrid(columns, rows, {
    width: options.width,
    head: (s) => c.bold(s),
    border: (s) => c.grey(s),
  });
}

/** Prose under a numbered item: wrapped to the terminal with a five-space indent. */
function indented(text: string, width: number, style: (s: string) => string = (s) => s): string {
  return wrapText(text, Math.max(width - 5, 10))
    .map((line) => `     ${style(line)}`)
    .join("\n");
}

/** A line of prose wrapped to the terminal, then styled, so styling never affects the layout. */
function prose(text: string, width: number, style: (s: string) => string = (s) => s): string {
  return wrapText(text, width)
    .map((line) => style(line))
    .join("\n");
}

const DIMENSION_COLUMNS: readonly Column[] = [
  { head: "Dimension" },
  { head: "Score", wrap: false },
  { head: "Level" },
  { head: "", wrap: false },
];

function dimensionRow(c: ChalkInstance, report: Report, d: DimensionResult): Cell[] {
  if (!isAssessed(d)) return [oneLine(d.title), "-", [{ text: "not assessed", style: c.dim }], ""];
  const colour = levelColour(c, report, d.level.id);
  return [
    oneLine(d.title),
    formatScore(d.score),
    [
      { text: oneLine(d.level.label), style: colour },
      ...(capNote(report, d) ? [{ text: "(capped)", style: c.red }] : []),
    ],
    [{ text: bar(d.score), style: colour }],
  ];
}

function renderReport(report: Report, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width;
  const lines: string[] = [];
  const meta = [
    report.date ? oneLine(report.date) : null,
    report.auditor ? `auditor: ${oneLine(report.auditor)}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const heading = `Social readiness: ${oneLine(report.organization)}`;
  if (meta && displayFits(`${heading}  (${meta})`, width))
    lines.push(`${c.bold(heading)}${c.dim(`  (${meta})`)}`);
  else {
    lines.push(prose(heading, width, c.bold));
    if (meta) lines.push(prose(`(${meta})`, width, c.dim));
  }
  const overallColour = levelColour(c, report, report.overall.level.id);
  const overall = `Overall ${formatScore(report.overall.score)}/100  ${oneLine(report.overall.level.label)}`;
  lines.push(
    displayFits(`${overall}  ${bar(report.overall.score)}`, width)
      ? `Overall ${c.bold(formatScore(report.overall.score))}/100  ${overallColour(`${oneLine(report.overall.level.label)}  ${bar(report.overall.score)}`)}`
      : prose(overall, width, overallColour),
  );
  const overallCap = overallCapNote(report);
  if (overallCap) lines.push(prose(`Level ${overallCap}`, width, c.red));
  lines.push("");

  lines.push(
    table(
      c,
      options,
      DIMENSION_COLUMNS,
      report.dimensions.map((d) => dimensionRow(c, report, d)),
    ),
  );
  // Say where scores come from whenever it is not the shipped defaults, so nobody misreads them.
  const custom = report.dimensions.filter((d) => !d.rubric.builtin);
  if (custom.length > 0)
    lines.push(
      prose(
        `Rubrics: ${custom.map((d) => `${d.id} ${oneLine(d.rubric.version)} from ${oneLine(d.rubric.source)}`).join("; ")}`,
        width,
        c.dim,
      ),
    );
  const weighted = report.dimensions.filter((d) => d.weightSource === "plan");
  if (weighted.length > 0)
    lines.push(
      prose(
        `Weights from the plan: ${weighted.map((d) => `${d.id} ${d.weight}`).join(", ")}`,
        width,
        c.dim,
      ),
    );

  for (const d of report.dimensions) {
    const note = capNote(report, d);
    if (note) lines.push(prose(`${oneLine(d.title)}: ${note}`, width, c.red));
  }

  // Critical findings are never cut by --top: nobody should miss that nobody is home.
  const critical = fixFirst(report);
  if (critical.length > 0) {
    lines.push(
      "",
      prose(`Fix first (${critical.length})`, width, (t) => c.bold(c.red(t))),
    );
    for (const r of critical) {
      const title = report.dimensions.find((d) => d.id === r.dimension)?.title ?? r.dimension;
      lines.push(prose(`  ${r.rank}. ${oneLine(r.title)} (${oneLine(title)})`, width, c.bold));
      if (r.why) lines.push(indented(oneLine(r.why), width));
      lines.push(indented(adviceText(r, oneLine), width));
    }
  }

  const rest = nextSteps(report);
  const top = rest.slice(0, options.top);
  if (top.length > 0) {
    lines.push(
      "",
      prose(
        `Next steps (top ${shownOf(report, top.length)}; gain in points of the overall score)`,
        width,
        c.bold,
      ),
    );
    const rows = top.map((r): Cell[] => {
      const title = report.dimensions.find((d) => d.id === r.dimension)?.title ?? r.dimension;
      return [
        String(r.rank),
        [
          { text: oneLine(r.title), style: c.bold },
          { text: oneLine(r.detail) },
          ...(nowAndNext(r) ? [{ text: oneLine(nowAndNext(r)), style: c.dim }] : []),
        ],
        oneLine(title),
        r.effort,
        formatGain(r.gain.overall),
      ];
    });
    lines.push(
      table(
        c,
        options,
        [
          { head: "#", wrap: false },
          { head: "Recommendation" },
          { head: "Dimension" },
          { head: "Effort", wrap: false },
          { head: "Gain", wrap: false },
        ],
        rows,
      ),
    );
  }

  const paths = report.dimensions.filter((d) => d.nextLevel && d.nextLevel.steps.length > 0);
  if (paths.length > 0) {
    lines.push("", prose("Path to the next level", width, c.bold));
    for (const d of paths) {
      const next = d.nextLevel;
      if (!next) continue;
      const titles = next.steps.map((id) =>
        oneLine(
          report.recommendations.find((r) => r.dimension === d.id && r.question === id)?.title ??
            id,
        ),
      );
      lines.push(
        prose(
          `  ${oneLine(d.title)}: ${oneLine(d.level.label)} -> ${oneLine(next.level.label)} (${formatGain(next.pointsNeeded)} points): ${titles.join("; ")}`,
          width,
        ),
      );
    }
  }

  for (const section of auditNotes(report)) {
    lines.push(
      "",
      prose(section.title, width, c.bold),
      indented(oneLine(section.intro), width, c.dim),
    );
    for (const item of section.items) lines.push(prose(`  ${oneLine(item)}`, width));
  }

  if (report.unanswered.length > 0) {
    lines.push("", prose(`Unanswered (${report.unanswered.length}, scored as 0)`, width, c.bold));
    for (const u of report.unanswered)
      lines.push(prose(`  ${u.dimension}.${u.question}: ${oneLine(u.prompt)}`, width));
  }

  const skipped = notApplicable(report);
  if (skipped.length > 0) {
    lines.push("", prose(`Not applicable (${skipped.length}, not counted)`, width, c.bold));
    for (const n of skipped) {
      lines.push(prose(`  ${n.dimension}.${n.question}: ${oneLine(n.prompt)}`, width));
      if (n.reason) lines.push(indented(oneLine(n.reason), width, c.dim));
    }
  }

  if (report.thresholds.checks.length > 0) {
    lines.push("", prose("Thresholds", width, c.bold));
    for (const check of report.thresholds.checks) {
      const name = check.scope === "overall" ? "overall" : (check.dimension ?? "?");
      const relation = check.kind === "baseline" ? "baseline" : "minimum";
      const text = `${name} ${formatScore(check.actual)} (${relation} ${formatScore(check.min)}, from ${oneLine(check.source)})`;
      const verdict =
        check.evaluated === false
          ? c.dim(thresholdVerdict(check))
          : check.passed
            ? c.green("pass")
            : c.red("FAIL");
      lines.push(
        ...wrapText(text, Math.max(width - 8, 10)).map((line, i) =>
          i === 0 ? `  ${verdict}  ${line}` : `        ${line}`,
        ),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

function displayFits(text: string, width: number): boolean {
  return wrapText(text, width).length === 1;
}

/** Plans that could not be audited, each named, after the summary where a reader looks last. */
function errorSection(
  c: ChalkInstance,
  options: RenderOptions,
  errors: readonly PlanError[],
): string {
  const lines = errors.map((e) => {
    const where = [e.file, e.line, e.column].filter((p) => p !== null).join(":");
    const more = e.problems.length > 1 ? ` (and ${e.problems.length - 1} more problems)` : "";
    return prose(`${oneLine(where)}: ${oneLine(e.message)}${more}`, options.width);
  });
  return `${prose(`Could not be audited (${errors.length}):`, options.width, c.red.bold)}\n${lines.join("\n")}\n`;
}

export const tableRenderer: Renderer = {
  report: renderReport,
  batch: (reports, options, errors = []) => {
    const c = new Chalk({ level: options.color ? 1 : 0 });
    const parts = reports.map((r) => renderReport(r, options));
    const summary = summarizeAudit(reports, errors);
    const overview = table(
      c,
      options,
      [
        { head: "Organization" },
        { head: "Overall", wrap: false },
        { head: "Level" },
        { head: "Thresholds", wrap: false },
      ],
      reports.map((r) => [
        oneLine(r.organization),
        formatScore(r.overall.score),
        oneLine(r.overall.level.label),
        r.thresholds.checks.length === 0
          ? "-"
          : r.thresholds.passed
            ? [{ text: "pass", style: c.green }]
            : [{ text: "FAIL", style: c.red }],
      ]),
    );
    parts.push(
      `${prose(`Summary: ${batchCounts(summary)}`, options.width, c.bold)}\n${reports.length > 0 ? `${overview}\n` : ""}`,
    );
    if (errors.length > 0) parts.push(errorSection(c, options, errors));
    return parts.join("\n");
  },
};

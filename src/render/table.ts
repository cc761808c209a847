import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { DimensionResult, Report } from "../core/report-schema.js";
import { summarize } from "../core/summary.js";
import {
  capNote,
  fixFirst,
  gainOverall,
  isAssessed,
  nextSteps,
  notApplicable,
  nowAndNext,
  overallCapNote,
  thresholdVerdict,
} from "./report-text.js";
import { oneLine } from "./sanitize.js";
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

function table(head: string[], options: RenderOptions, colWidths?: (number | null)[]): Table.Table {
  return new Table({
    head,
    style: { head: options.color ? ["bold"] : [], border: options.color ? ["grey"] : [] },
    wordWrap: true,
    ...(colWidths ? { colWidths } : {}),
  });
}

function dimensionRow(c: ChalkInstance, report: Report, d: DimensionResult): string[] {
  if (!isAssessed(d)) return [oneLine(d.title), "-", c.dim("not assessed"), ""];
  const colour = levelColour(c, report, d.level.id);
  return [
    oneLine(d.title),
    d.score.toFixed(1),
    colour(oneLine(d.level.label)) + (capNote(report, d) ? c.red(" (capped)") : ""),
    colour(bar(d.score)),
  ];
}

function renderReport(report: Report, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  const meta = [report.date, report.auditor ? `auditor: ${oneLine(report.auditor)}` : null]
    .filter(Boolean)
    .join(", ");
  lines.push(
    c.bold(`Social readiness: ${oneLine(report.organization)}`) +
      (meta ? c.dim(`  (${meta})`) : ""),
  );
  const overallColour = levelColour(c, report, report.overall.level.id);
  lines.push(
    `Overall ${c.bold(report.overall.score.toFixed(1))}/100  ${overallColour(`${oneLine(report.overall.level.label)}  ${bar(report.overall.score)}`)}`,
  );
  const overallCap = overallCapNote(report);
  if (overallCap) lines.push(c.red(`Level ${overallCap}`));
  lines.push("");

  const scores = table(["Dimension", "Score", "Level", ""], options);
  for (const d of report.dimensions) scores.push(dimensionRow(c, report, d));
  lines.push(scores.toString());
  // Say where scores come from whenever it is not the shipped defaults, so nobody misreads them.
  const custom = report.dimensions.filter((d) => !d.rubric.builtin);
  if (custom.length > 0)
    lines.push(
      c.dim(
        `Rubrics: ${custom.map((d) => `${d.id} ${d.rubric.version} from ${oneLine(d.rubric.source)}`).join("; ")}`,
      ),
    );
  const weighted = report.dimensions.filter((d) => d.weightSource === "plan");
  if (weighted.length > 0)
    lines.push(
      c.dim(`Weights from the plan: ${weighted.map((d) => `${d.id} ${d.weight}`).join(", ")}`),
    );

  for (const d of report.dimensions) {
    const note = capNote(report, d);
    if (note) lines.push(c.red(`${oneLine(d.title)}: ${note}`));
  }

  // Critical findings are never cut by --top: nobody should miss that nobody is home.
  const critical = fixFirst(report);
  if (critical.length > 0) {
    lines.push("", c.bold(c.red(`Fix first (${critical.length})`)));
    for (const r of critical) {
      const title = report.dimensions.find((d) => d.id === r.dimension)?.title ?? r.dimension;
      lines.push(`  ${r.rank}. ${c.bold(oneLine(r.title))} (${oneLine(title)})`);
      if (r.why) lines.push(`     ${oneLine(r.why)}`);
      lines.push(`     ${oneLine(nowAndNext(r))} ${oneLine(r.detail)}`);
    }
  }

  const rest = nextSteps(report);
  const top = rest.slice(0, options.top);
  if (top.length > 0) {
    lines.push("", c.bold(`Next steps (top ${top.length} of ${rest.length})`));
    const textWidth = Math.max(30, options.width - 36);
    const steps = table(["#", "Recommendation", "Dimension", "Effort", "Gain (overall)"], options, [
      4,
      textWidth,
      15,
      8,
      7,
    ]);
    for (const r of top) {
      const title = report.dimensions.find((d) => d.id === r.dimension)?.title ?? r.dimension;
      steps.push([
        String(r.rank),
        `${c.bold(oneLine(r.title))}\n${oneLine(r.detail)}${r.target ? `\n${c.dim(oneLine(nowAndNext(r)))}` : ""}`,
        oneLine(title),
        r.effort,
        gainOverall(r).replace(" overall", ""),
      ]);
    }
    lines.push(steps.toString());
  }

  const paths = report.dimensions.filter((d) => d.nextLevel && d.nextLevel.steps.length > 0);
  if (paths.length > 0) {
    lines.push("", c.bold("Path to the next level"));
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
        `  ${oneLine(d.title)}: ${oneLine(d.level.label)} -> ${oneLine(next.level.label)} (+${next.pointsNeeded.toFixed(1)} points): ${titles.join("; ")}`,
      );
    }
  }

  if (report.unanswered.length > 0) {
    lines.push("", c.bold(`Unanswered (${report.unanswered.length}, scored as 0)`));
    for (const u of report.unanswered)
      lines.push(`  ${u.dimension}.${u.question}: ${oneLine(u.prompt)}`);
  }

  const skipped = notApplicable(report);
  if (skipped.length > 0) {
    lines.push("", c.bold(`Not applicable (${skipped.length}, not counted)`));
    for (const n of skipped)
      lines.push(
        `  ${n.dimension}.${n.question}: ${oneLine(n.prompt)} ${c.dim(oneLine(n.reason))}`,
      );
  }

  if (report.thresholds.checks.length > 0) {
    lines.push("", c.bold("Thresholds"));
    for (const check of report.thresholds.checks) {
      const name = check.scope === "overall" ? "overall" : check.dimension;
      const verdict =
        check.evaluated === false
          ? c.dim(thresholdVerdict(check))
          : check.passed
            ? c.green("pass")
            : c.red("FAIL");
      const relation = check.kind === "baseline" ? "baseline" : "minimum";
      lines.push(
        `  ${verdict}  ${name} ${check.actual.toFixed(1)} (${relation} ${check.min.toFixed(1)}, from ${check.source})`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

export const tableRenderer: Renderer = {
  report: renderReport,
  batch: (reports, options) => {
    const c = new Chalk({ level: options.color ? 1 : 0 });
    const parts = reports.map((r) => renderReport(r, options));
    const summary = summarize(reports);
    const overview = table(["Organization", "Overall", "Level", "Thresholds"], options);
    for (const r of reports) {
      overview.push([
        oneLine(r.organization),
        r.overall.score.toFixed(1),
        oneLine(r.overall.level.label),
        r.thresholds.checks.length === 0
          ? "-"
          : r.thresholds.passed
            ? c.green("pass")
            : c.red("FAIL"),
      ]);
    }
    parts.push(
      `${c.bold(`Summary: ${summary.plans} plans, ${summary.passed} passed, ${summary.failed} below a threshold, average ${summary.averageOverall.toFixed(1)}`)}\n${overview.toString()}\n`,
    );
    return parts.join("\n");
  },
};

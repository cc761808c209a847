import { comparisonJson, type LevelCatalog } from "../core/compare-json.js";
import { toJson } from "./json-text.js";
import { Chalk } from "chalk";
import type { Comparison } from "../core/compare.js";
import { md } from "./markdown.js";
import { formatGain, formatPercent, formatScore } from "./report-text.js";
import { renderGrid } from "../text/grid.js";
import { oneLine } from "../text/sanitize.js";
import { wrapText } from "../text/width.js";

import type { CompareFormat } from "./types.js";

export interface CompareRenderOptions {
  color: boolean;
  /** Terminal width for the table; 80 when not given. */
  width?: number;
  /** JSON: the levels of both reports (to write `{id, label}`) and the version writing it. */
  levels?: LevelCatalog | undefined;
  toolVersion?: string | undefined;
}

const signed = (n: number | null) => (n === null ? "-" : formatGain(n));
const score = (n: number | null) => (n === null ? "-" : formatScore(n));

/**
 * Both reports may be crafted JSON, so every string from them (names, dates, ids, titles) is
 * made one-line and free of control sequences before it reaches the terminal.
 */
function table(c: Comparison, options: CompareRenderOptions): string {
  const width = options.width ?? 80;
  const k = new Chalk({ level: options.color ? 1 : 0 });
  const colour = (n: number | null) =>
    n === null || n === 0 ? (s: string) => s : n > 0 ? k.green : k.red;
  const title = `Comparing ${oneLine(c.before.organization)} ${oneLine(c.before.date ?? "")} -> ${oneLine(c.after.date ?? "")}`;
  const lines = wrapText(title.trim(), width).map((line) => k.bold(line));
  const row = (name: string, x: Comparison["overall"]) => [
    name,
    score(x.before),
    score(x.after),
    [{ text: signed(x.delta), style: colour(x.delta) }],
    x.levelBefore === x.levelAfter
      ? oneLine(x.levelAfter ?? "-")
      : `${oneLine(x.levelBefore ?? "-")} -> ${oneLine(x.levelAfter ?? "-")}`,
  ];
  lines.push(
    renderGrid(
      [
        { head: "" },
        { head: "Before", wrap: false },
        { head: "After", wrap: false },
        { head: "Change", wrap: false },
        { head: "Level" },
      ],
      [row("Overall", c.overall), ...c.dimensions.map((d) => row(oneLine(d.title), d))],
      { width, head: (s) => k.bold(s) },
    ),
  );
  const list = (heading: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push("", k.bold(heading));
    for (const item of items) lines.push(...wrapText(`  ${item}`, width));
  };
  for (const r of c.rubricChanges)
    list(
      `Rubric changed: ${oneLine(r.dimension)} ${r.versionBefore} -> ${r.versionAfter} (not counted as regressions)`,
      [
        ...r.questionsAdded.map(
          (q) => `+ ${oneLine(r.dimension)}.${oneLine(q.id)}: ${oneLine(q.prompt)}`,
        ),
        ...r.questionsRemoved.map(
          (q) => `- ${oneLine(r.dimension)}.${oneLine(q.id)}: ${oneLine(q.prompt)}`,
        ),
      ],
    );
  const question = (q: Comparison["improved"][number]) =>
    `${oneLine(q.dimension)}.${oneLine(q.question)}: ${formatPercent(q.before)} -> ${formatPercent(q.after)}  ${oneLine(q.prompt)}`;
  list(`Improved (${c.improved.length})`, c.improved.map(question));
  list(`Regressed (${c.regressed.length})`, c.regressed.map(question));
  list(
    `Recommendations resolved (${c.resolved.length})`,
    c.resolved.map((r) => `${oneLine(r.dimension)}: ${oneLine(r.title)}`),
  );
  list(
    `New recommendations (${c.added.length})`,
    c.added.map((r) => `${oneLine(r.dimension)}: ${oneLine(r.title)}`),
  );
  return `${lines.join("\n")}\n`;
}

function markdown(c: Comparison): string {
  const out = [
    `# Social readiness: ${md(c.after.organization)}, ${md(c.before.date ?? "before")} to ${md(c.after.date ?? "after")}`,
    "",
  ];
  for (const w of c.warnings) out.push(`> **Warning:** ${md(w)}`, "");
  out.push("| | Before | After | Change | Level |", "| --- | ---: | ---: | ---: | --- |");
  const row = (name: string, x: Comparison["overall"]) =>
    `| ${name} | ${score(x.before)} | ${score(x.after)} | ${signed(x.delta)} | ${x.levelBefore === x.levelAfter ? md(x.levelAfter ?? "-") : `${md(x.levelBefore ?? "-")} → ${md(x.levelAfter ?? "-")}`} |`;
  out.push(row("**Overall**", c.overall), ...c.dimensions.map((d) => row(md(d.title), d)), "");
  const section = (title: string, items: string[]) => {
    if (items.length > 0) out.push(`## ${title}`, "", ...items.map((i) => `- ${i}`), "");
  };
  for (const r of c.rubricChanges)
    section(`Rubric changed: ${md(r.dimension)} ${md(r.versionBefore)} → ${md(r.versionAfter)}`, [
      ...r.questionsAdded.map((q) => `Added: ${md(q.prompt)} (\`${r.dimension}.${q.id}\`)`),
      ...r.questionsRemoved.map((q) => `Removed: ${md(q.prompt)} (\`${r.dimension}.${q.id}\`)`),
    ]);
  section(
    "Improved",
    c.improved.map(
      (q) => `${md(q.prompt)} (${formatPercent(q.before)} → ${formatPercent(q.after)})`,
    ),
  );
  section(
    "Regressed",
    c.regressed.map(
      (q) => `${md(q.prompt)} (${formatPercent(q.before)} → ${formatPercent(q.after)})`,
    ),
  );
  section(
    "Recommendations resolved",
    c.resolved.map((r) => md(r.title)),
  );
  section(
    "New recommendations",
    c.added.map((r) => md(r.title)),
  );
  return out.join("\n");
}

export const COMPARISON_RENDERERS = {
  table,
  json: (c: Comparison, options: CompareRenderOptions) =>
    `${toJson(comparisonJson(c, options.levels ?? [], options.toolVersion ?? "unknown"), 2)}\n`,
  markdown,
} satisfies Record<CompareFormat, (c: Comparison, options: CompareRenderOptions) => string>;

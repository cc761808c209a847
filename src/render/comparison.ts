import { toJson } from "./json-text.js";
import { Chalk } from "chalk";
import Table from "cli-table3";
import type { Comparison } from "../core/compare.js";
import { md } from "./markdown.js";
import { oneLine } from "./sanitize.js";

export const COMPARE_FORMATS = ["table", "json", "markdown"] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

const signed = (n: number | null) => (n === null ? "-" : `${n > 0 ? "+" : ""}${n.toFixed(1)}`);
const score = (n: number | null) => (n === null ? "-" : n.toFixed(1));
const pct = (n: number) => `${Math.round(n * 100)}%`;

function table(c: Comparison, options: { color: boolean }): string {
  const k = new Chalk({ level: options.color ? 1 : 0 });
  const colour = (n: number | null) =>
    n === null || n === 0 ? (s: string) => s : n > 0 ? k.green : k.red;
  const lines = [
    k.bold(
      `Comparing ${oneLine(c.before.organization)} ${c.before.date ?? ""} -> ${c.after.date ?? ""}`.trim(),
    ),
  ];
  const t = new Table({
    head: ["", "Before", "After", "Change", "Level"],
    style: { head: options.color ? ["bold"] : [], border: [] },
  });
  const row = (name: string, x: Comparison["overall"]) => [
    name,
    score(x.before),
    score(x.after),
    colour(x.delta)(signed(x.delta)),
    x.levelBefore === x.levelAfter
      ? oneLine(x.levelAfter ?? "-")
      : `${oneLine(x.levelBefore ?? "-")} -> ${oneLine(x.levelAfter ?? "-")}`,
  ];
  t.push(row("Overall", c.overall));
  for (const d of c.dimensions) t.push(row(oneLine(d.title), d));
  lines.push(t.toString());
  const list = (title: string, items: string[]) => {
    if (items.length > 0) lines.push("", k.bold(title), ...items.map((i) => `  ${i}`));
  };
  for (const r of c.rubricChanges)
    list(
      `Rubric changed: ${r.dimension} ${r.versionBefore} -> ${r.versionAfter} (not counted as regressions)`,
      [
        ...r.questionsAdded.map((q) => `+ ${r.dimension}.${q.id}: ${oneLine(q.prompt)}`),
        ...r.questionsRemoved.map((q) => `- ${r.dimension}.${q.id}: ${oneLine(q.prompt)}`),
      ],
    );
  list(
    `Improved (${c.improved.length})`,
    c.improved.map(
      (q) =>
        `${q.dimension}.${q.question}: ${pct(q.before)} -> ${pct(q.after)}  ${oneLine(q.prompt)}`,
    ),
  );
  list(
    `Regressed (${c.regressed.length})`,
    c.regressed.map(
      (q) =>
        `${q.dimension}.${q.question}: ${pct(q.before)} -> ${pct(q.after)}  ${oneLine(q.prompt)}`,
    ),
  );
  list(
    `Recommendations resolved (${c.resolved.length})`,
    c.resolved.map((r) => `${r.dimension}: ${oneLine(r.title)}`),
  );
  list(
    `New recommendations (${c.added.length})`,
    c.added.map((r) => `${r.dimension}: ${oneLine(r.title)}`),
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
    c.improved.map((q) => `${md(q.prompt)} (${pct(q.before)} → ${pct(q.after)})`),
  );
  section(
    "Regressed",
    c.regressed.map((q) => `${md(q.prompt)} (${pct(q.before)} → ${pct(q.after)})`),
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
  json: (c: Comparison) => `${toJson({ schemaVersion: 1, ...c }, 2)}\n`,
  markdown,
} satisfies Record<CompareFormat, (c: Comparison, options: { color: boolean }) => string>;

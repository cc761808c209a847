import { Chalk } from "chalk";
import Table from "cli-table3";
import type { Portfolio, PortfolioRow } from "../core/portfolio.js";
import { csvTable, errorRows, type Cell } from "./csv.js";
import { page } from "./html.js";
import type { PortfolioFormat } from "./types.js";
import { toJson } from "./json-text.js";
import { md } from "./markdown.js";
import { countOf, problemTexts } from "./report-text.js";
import { escapeHtml as e, markdownCode } from "../text/escape.js";
import { oneLine } from "../text/sanitize.js";
import type { ViewOptions } from "./types.js";

const num = (n: number | null | undefined) => (n === null || n === undefined ? "-" : n.toFixed(1));
const signed = (n: number | null) => (n === null ? "-" : `${n > 0 ? "+" : ""}${n.toFixed(1)}`);
/** Colour codes take no room on screen. */
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");
const pct = (share: number) => `${Math.round(share * 100)}%`;
const SORT_NAMES = {
  score: "lowest overall score first",
  change: "largest drop since the previous audit first",
  name: "by name",
} as const;

function headline(p: Portfolio): string {
  const s = p.summary;
  const invalid = s.invalid > 0 ? `; ${countOf(s.invalid, "file")} could not be read` : "";
  return `${countOf(s.organizations, "organisation")} (${countOf(s.audits, "audit")}), average ${num(s.averageOverall)}; ${s.fixFirst} with fix-first findings, ${s.slipping} slipping since their previous audit${invalid}`;
}

/** The files that could not be read, each problem on a line of its own, as audit shows them. */
const errorLines = (p: Portfolio) =>
  p.errors.flatMap((error) => problemTexts(error).map((text) => ({ file: error.file, text })));

function table(p: Portfolio, options: ViewOptions): string {
  const k = new Chalk({ level: options.color ? 1 : 0 });
  const lines = [k.bold(`Portfolio: ${headline(p)}`), `Sorted ${SORT_NAMES[p.sort]}.`];
  const head = [
    "Organisation",
    "Overall",
    "Level",
    ...p.dimensions.map((d) => oneLine(d.title)),
    "Fix first",
    "Change",
  ];
  const body = p.rows.map((r) => [
    oneLine(r.organization),
    num(r.overall.score),
    oneLine(r.overall.level.label),
    ...p.dimensions.map((d) => num(r.dimensions[d.id])),
    r.fixFirst > 0 ? k.red(String(r.fixFirst)) : "0",
    r.change === null
      ? "-"
      : (r.change < 0 ? k.red : r.change > 0 ? k.green : String)(signed(r.change)),
  ]);
  const render = (orgWidth?: number) => {
    const t = new Table({
      head,
      style: { head: options.color ? ["bold"] : [], border: [] },
      ...(orgWidth ? { colWidths: [orgWidth] } : {}),
    });
    t.push(...body);
    return t.toString();
  };
  // Long names give way first, down to a readable minimum, so the table fits the width.
  let text = render();
  const widest = Math.max(...text.split("\n").map((l) => stripAnsi(l).length));
  const nameColumn = Math.max(...body.map((r) => (r[0] ?? "").length), head[0]?.length ?? 0) + 2;
  if (widest > options.width && nameColumn > 16)
    text = render(Math.max(nameColumn - (widest - options.width), 16));
  lines.push(text);
  if (p.errors.length > 0) {
    lines.push("", k.bold(k.red(`Could not be read (${p.errors.length}):`)));
    for (const { file, text } of errorLines(p)) lines.push(`  ${oneLine(file)}: ${oneLine(text)}`);
  }
  if (p.gaps.length > 0) {
    lines.push("", k.bold("Most common gaps"));
    for (const g of p.gaps)
      lines.push(
        `  ${pct(g.share).padStart(4)} (${g.organizations})  ${g.dimension}: ${oneLine(g.title)}${g.fixFirst > 0 ? k.red(`  [fix first for ${g.fixFirst}]`) : ""}`,
      );
  }
  return `${lines.join("\n")}\n`;
}

function markdown(p: Portfolio): string {
  const out = [
    `# Social readiness portfolio`,
    "",
    `${md(headline(p))}. Sorted ${SORT_NAMES[p.sort]}.`,
    "",
  ];
  out.push(
    `| Organisation | Overall | Level | ${p.dimensions.map((d) => md(d.title)).join(" | ")} | Fix first | Change |`,
    `| --- | ---: | --- | ${p.dimensions.map(() => "---:").join(" | ")} | ---: | ---: |`,
    ...p.rows.map(
      (r) =>
        `| ${md(r.organization)} | ${num(r.overall.score)} | ${md(r.overall.level.label)} | ${p.dimensions.map((d) => num(r.dimensions[d.id])).join(" | ")} | ${r.fixFirst} | ${signed(r.change)} |`,
    ),
    "",
  );
  if (p.errors.length > 0) {
    out.push("## Files that could not be read", "");
    for (const { file, text } of errorLines(p)) out.push(`- ${markdownCode(file)}: ${md(text)}`);
    out.push("");
  }
  if (p.gaps.length > 0) {
    out.push("## Most common gaps", "");
    for (const g of p.gaps)
      out.push(
        `- ${pct(g.share)} (${g.organizations}): **${md(g.title)}** (${md(g.dimension)})${g.fixFirst > 0 ? `, fix first for ${g.fixFirst}` : ""}`,
      );
    out.push("");
  }
  return out.join("\n");
}

function html(p: Portfolio): string {
  const changeClass = (c: number | null) => (c === null || c === 0 ? "" : c > 0 ? "pass" : "fail");
  const row = (r: PortfolioRow) =>
    `<tr><td>${e(r.organization)}${r.date ? ` <span class="tag">${e(r.date)}</span>` : ""}</td><td>${num(r.overall.score)}</td><td>${e(r.overall.level.label)}</td>${p.dimensions.map((d) => `<td>${num(r.dimensions[d.id])}</td>`).join("")}<td class="${r.fixFirst > 0 ? "fail" : ""}">${r.fixFirst}</td><td class="${changeClass(r.change)}">${signed(r.change)}</td></tr>`;
  const parts = [
    `<h1>Social readiness portfolio</h1>`,
    `<p class="meta">${e(headline(p))}. Sorted ${SORT_NAMES[p.sort]}.</p>`,
    `<table data-testid="portfolio"><thead><tr><th>Organisation</th><th>Overall</th><th>Level</th>${p.dimensions.map((d) => `<th>${e(d.title)}</th>`).join("")}<th>Fix first</th><th>Change</th></tr></thead><tbody>${p.rows.map(row).join("")}</tbody></table>`,
  ];
  if (p.errors.length > 0)
    parts.push(
      `<h2 class="fail">Files that could not be read</h2><ul data-testid="portfolio-errors">${errorLines(
        p,
      )
        .map(({ file, text }) => `<li><code>${e(file)}</code>: ${e(text)}</li>`)
        .join("")}</ul>`,
    );
  if (p.gaps.length > 0)
    parts.push(
      `<h2>Most common gaps</h2><table><thead><tr><th>Share</th><th>Recommendation</th><th>Dimension</th></tr></thead><tbody>${p.gaps.map((g) => `<tr><td>${pct(g.share)} (${g.organizations})</td><td>${e(g.title)}${g.fixFirst > 0 ? ` <span class="fail">fix first for ${g.fixFirst}</span>` : ""}</td><td>${e(g.dimension)}</td></tr>`).join("")}</tbody></table>`,
    );
  parts.push(`<p class="muted">social-audit portfolio schema ${p.schemaVersion}</p>`);
  return page(
    "Social readiness portfolio",
    `<section class="report">${parts.join("\n")}</section>`,
  );
}

/** One row per organisation; the gaps are a different table, so they are in the other formats. */
function csv(p: Portfolio): string {
  const header = [
    "organization",
    "date",
    "plan",
    "overall_score",
    "overall_level",
    ...p.dimensions.map((d) => d.id),
    "fix_first",
    "recommendations",
    "audits",
    "previous_date",
    "previous_score",
    "change",
    "error",
  ];
  const rows = p.rows.map((r): Cell[] => [
    r.organization,
    r.date,
    r.source,
    r.overall.score,
    r.overall.level.label,
    ...p.dimensions.map((d) => r.dimensions[d.id]),
    r.fixFirst,
    r.recommendations,
    r.audits,
    r.previous?.date,
    r.previous?.score,
    r.change,
    null,
  ]);
  return csvTable(header, [...rows, ...p.errors.flatMap((error) => errorRows(error, header))]);
}

export const PORTFOLIO_RENDERERS = {
  table,
  markdown,
  html,
  json: (p: Portfolio) => `${toJson(p, 2)}\n`,
  csv,
} satisfies Record<PortfolioFormat, (p: Portfolio, options: ViewOptions) => string>;

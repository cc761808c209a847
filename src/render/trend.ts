import { Chalk } from "chalk";
import type { Trend } from "../core/trend.js";
import { page } from "./html.js";
import { toJson } from "./json-text.js";
import type { TrendFormat } from "./types.js";
import { escapeHtml as e } from "../text/escape.js";
import { oneLine } from "../text/sanitize.js";
import type { ViewOptions } from "./types.js";

const TICKS = "▁▂▃▄▅▆▇█";
const signed = (n: number | null) => (n === null ? "-" : `${n > 0 ? "+" : ""}${n.toFixed(1)}`);
const num = (n: number | null | undefined) => (n === null || n === undefined ? "-" : n.toFixed(1));

const GRAPHEMES = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Cuts text to `width` characters as a reader counts them, marking the cut. */
function fit(text: string, width: number): string {
  const chars = Array.from(GRAPHEMES.segment(text), (g) => g.segment);
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join("") : `${chars.slice(0, width - 1).join("")}…`;
}

/**
 * One character per audit. Every row shares one scale (the range of all scores shown,
 * widened to whole tens), so a taller bar means a higher score in any row. A gap is a space.
 */
export function sparkline(
  scores: readonly (number | null)[],
  scale: { low: number; high: number },
): string {
  const span = Math.max(scale.high - scale.low, 1);
  return scores
    .map((s) => {
      if (s === null) return " ";
      const i = Math.round(((s - scale.low) / span) * (TICKS.length - 1));
      return TICKS[Math.min(Math.max(i, 0), TICKS.length - 1)] ?? " ";
    })
    .join("");
}

function scaleOf(trend: Trend) {
  const all = [
    ...trend.overall.scores,
    ...trend.dimensions.flatMap((d) => d.scores.filter((s) => s !== null)),
  ];
  return {
    low: Math.floor(Math.min(...all) / 10) * 10,
    high: Math.max(
      Math.ceil(Math.max(...all) / 10) * 10,
      Math.floor(Math.min(...all) / 10) * 10 + 10,
    ),
  };
}

const levelText = (levels: readonly ({ label: string } | null)[]) => {
  const known = levels.filter((l) => l !== null);
  const first = known[0]?.label ?? "-";
  const last = known[known.length - 1]?.label ?? "-";
  return first === last ? oneLine(last) : `${oneLine(first)} -> ${oneLine(last)}`;
};

function table(trend: Trend, options: ViewOptions): string {
  const k = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(options.width, 40);
  const n = trend.audits.length;
  const first = trend.audits[0];
  const last = trend.audits[n - 1];
  const lines = [
    k.bold(
      fit(
        `Trend: ${oneLine(trend.organization)}, ${n} audit${n === 1 ? "" : "s"}${first?.date && last?.date ? `, ${first.date} to ${last.date}` : ""}`,
        width,
      ),
    ),
  ];
  const scale = scaleOf(trend);
  // Columns: name, first, last, change, sparkline, level. The name and the sparkline give
  // way when the width is short; the sparkline keeps the latest audits.
  const numbers = 6 + 6 + 7;
  const nameWidth = Math.min(
    Math.max(...["Overall", ...trend.dimensions.map((d) => oneLine(d.title))].map((s) => s.length)),
    Math.max(10, Math.floor(width / 4)),
  );
  const sparkRoom = Math.max(width - nameWidth - numbers - 2 - 12, 4);
  const sparkWidth = Math.min(n, sparkRoom);
  const spark = (scores: readonly (number | null)[]) => {
    const shown = scores.length > sparkWidth ? scores.slice(scores.length - sparkWidth) : scores;
    const line = sparkline(shown, scale);
    return (scores.length > sparkWidth ? `…${line.slice(1)}` : line).padEnd(
      Math.max(sparkWidth, 5),
    );
  };
  const colour = (x: number | null) =>
    x === null || x === 0 ? (s: string) => s : x > 0 ? k.green : k.red;
  const row = (
    name: string,
    scores: readonly (number | null)[],
    change: number | null,
    levels: readonly ({ label: string } | null)[],
  ) => {
    const known = scores.filter((s) => s !== null);
    const head = `${fit(name, nameWidth).padEnd(nameWidth)} ${num(known[0]).padStart(5)} ${num(known[known.length - 1]).padStart(5)} `;
    const rest = `  ${spark(scores)}  `;
    const used = head.length + 6 + rest.length;
    return `${head}${colour(change)(signed(change).padStart(6))}${rest}${fit(levelText(levels), Math.max(width - used, 1))}`;
  };
  lines.push(
    k
      .bold(
        `${"".padEnd(nameWidth)} ${"First".padStart(5)} ${"Last".padStart(5)} ${"Change".padStart(6)}  ${"Trend".padEnd(Math.max(sparkWidth, 5))}  Level`,
      )
      .slice(0, options.color ? undefined : width),
    row(
      "Overall",
      trend.overall.scores,
      n > 1 ? trend.overall.change : null,
      trend.audits.map((a) => a.overall.level),
    ),
    ...trend.dimensions.map((d) => row(oneLine(d.title), d.scores, d.change, d.levels)),
  );
  if (n > 1) {
    lines.push("", k.bold("Audits"));
    trend.audits.forEach((a, i) =>
      lines.push(
        fit(
          `  ${String(i + 1).padStart(2)}. ${a.date ?? "(no date)"}  ${num(a.overall.score).padStart(5)}  ${oneLine(a.source ?? "")}`,
          width,
        ),
      ),
    );
  }
  if (trend.levelChanges.length > 0) {
    lines.push("", k.bold(`Level changes (${trend.levelChanges.length})`));
    for (const c of trend.levelChanges) {
      const name =
        c.dimension === null
          ? "Overall"
          : oneLine(trend.dimensions.find((d) => d.id === c.dimension)?.title ?? c.dimension);
      const arrow = c.direction === "up" ? k.green("up") : k.red("down");
      lines.push(
        fit(
          `  ${c.date ?? "(no date)"}  ${name}: ${oneLine(c.before.label)} -> ${oneLine(c.after.label)} (${arrow})`,
          width + (options.color ? 10 : 0),
        ),
      );
    }
  }
  for (const step of trend.steps) {
    if (step.resolved.length === 0 && step.raised.length === 0) continue;
    lines.push(
      "",
      k.bold(
        fit(
          `${step.from ?? "(no date)"} -> ${step.to ?? "(no date)"}: ${step.resolved.length} recommendation${step.resolved.length === 1 ? "" : "s"} resolved, ${step.raised.length} newly raised`,
          width,
        ),
      ),
    );
    const list = (mark: string, items: Trend["steps"][number]["resolved"]) => {
      for (const r of items.slice(0, options.top))
        lines.push(fit(`  ${mark} ${r.dimension}: ${oneLine(r.title)}`, width));
      if (items.length > options.top)
        lines.push(`    … and ${items.length - options.top} more (--format json lists all)`);
    };
    list("resolved", step.resolved);
    list("raised  ", step.raised);
  }
  return `${lines.join("\n")}\n`;
}

const PALETTE = ["#b3261e", "#1e7b34", "#8a4baf", "#c77700", "#00838f", "#5d4037", "#ad1457"];

/** The line chart: x is the audits in date order, y the score from 0 to 100. */
export function trendSvg(trend: Trend): string {
  const width = 720;
  const height = 320;
  const left = 40;
  const right = 48;
  const top = 16;
  const bottom = 48;
  const n = trend.audits.length;
  const x = (i: number) =>
    n === 1 ? left + (width - left - right) / 2 : left + (i * (width - left - right)) / (n - 1);
  const y = (score: number) => top + ((100 - score) * (height - top - bottom)) / 100;
  const grid = [0, 25, 50, 75, 100]
    .map(
      (v) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="#d9dee6"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    )
    .join("");
  const dates = trend.audits
    .map(
      (a, i) =>
        `<text x="${x(i).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle">${e(a.date ?? `#${i + 1}`)}</text>`,
    )
    .join("");
  const series = (
    name: string,
    scores: readonly (number | null)[],
    colour: string,
    strokeWidth: number,
    id: string,
  ) => {
    // A missing score breaks the line rather than joining across it.
    const segments: string[][] = [[]];
    scores.forEach((s, i) => {
      if (s === null) segments.push([]);
      else segments[segments.length - 1]?.push(`${x(i).toFixed(1)},${y(s).toFixed(1)}`);
    });
    const lines = segments
      .filter((seg) => seg.length > 1)
      .map(
        (seg) =>
          `<polyline points="${seg.join(" ")}" fill="none" stroke="${colour}" stroke-width="${strokeWidth}"/>`,
      )
      .join("");
    const dots = scores
      .map((s, i) =>
        s === null
          ? ""
          : `<circle cx="${x(i).toFixed(1)}" cy="${y(s).toFixed(1)}" r="${strokeWidth + 1.5}" fill="${colour}"><title>${e(name)}, ${e(trend.audits[i]?.date ?? `audit ${i + 1}`)}: ${s.toFixed(1)}</title></circle>`,
      )
      .join("");
    return `<g class="series" data-series="${e(id)}">${lines}${dots}</g>`;
  };
  const body = [
    ...trend.dimensions.map((d, i) =>
      series(d.title, d.scores, PALETTE[i % PALETTE.length] ?? "#5b6575", 1.5, d.id),
    ),
    series("Overall", trend.overall.scores, "#2f6fdf", 3, "overall"),
  ].join("");
  return `<svg class="trend" role="img" aria-label="Line chart of the overall and dimension scores at each audit" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${grid}${dates}${body}</svg>`;
}

const TREND_STYLE = `
svg.trend { max-width: 100%; height: auto; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
.legend span { display: inline-block; width: 14px; height: 4px; margin-right: 6px; vertical-align: middle; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.up { color: #1e7b34; } .down { color: #b3261e; }
@media print { svg.trend { break-inside: avoid; } }
`;

function html(trend: Trend, options: ViewOptions): string {
  const n = trend.audits.length;
  const first = trend.audits[0];
  const last = trend.audits[n - 1];
  const parts = [
    `<h1>Social readiness over time: ${e(trend.organization)}</h1>`,
    `<p class="meta">${n} audit${n === 1 ? "" : "s"}${first?.date && last?.date ? `, ${e(first.date)} to ${e(last.date)}` : ""} · overall ${num(first?.overall.score)} → ${num(last?.overall.score)} (${signed(n > 1 ? trend.overall.change : null)})</p>`,
  ];
  for (const w of trend.warnings) parts.push(`<p class="muted">Warning: ${e(w)}</p>`);
  parts.push(trendSvg(trend));
  parts.push(
    `<ul class="legend"><li><span style="background:#2f6fdf;height:6px"></span>Overall</li>${trend.dimensions.map((d, i) => `<li><span style="background:${PALETTE[i % PALETTE.length] ?? "#5b6575"}"></span>${e(d.title)}</li>`).join("")}</ul>`,
  );
  const head = trend.audits.map((a, i) => `<th class="num">${e(a.date ?? `#${i + 1}`)}</th>`);
  const cells = (scores: readonly (number | null)[]) =>
    scores.map((s) => `<td class="num">${num(s)}</td>`).join("");
  const changeCell = (c: number | null) =>
    `<td class="num ${c !== null && c > 0 ? "up" : c !== null && c < 0 ? "down" : ""}">${signed(c)}</td>`;
  parts.push(
    `<h2>Scores</h2><table data-testid="series"><thead><tr><th></th>${head.join("")}<th class="num">Change</th><th>Level</th></tr></thead><tbody>`,
    `<tr><td><strong>Overall</strong></td>${cells(trend.overall.scores)}${changeCell(n > 1 ? trend.overall.change : null)}<td>${e(levelText(trend.audits.map((a) => a.overall.level)))}</td></tr>`,
    ...trend.dimensions.map(
      (d) =>
        `<tr><td>${e(d.title)}</td>${cells(d.scores)}${changeCell(d.change)}<td>${e(levelText(d.levels))}</td></tr>`,
    ),
    "</tbody></table>",
  );
  if (trend.levelChanges.length > 0) {
    parts.push(
      `<h2>Level changes</h2><ul>${trend.levelChanges
        .map((c) => {
          const name =
            c.dimension === null
              ? "Overall"
              : (trend.dimensions.find((d) => d.id === c.dimension)?.title ?? c.dimension);
          return `<li class="${c.direction}">${e(c.date ?? "(no date)")}: ${e(name)}, ${e(c.before.label)} → ${e(c.after.label)}</li>`;
        })
        .join("")}</ul>`,
    );
  }
  const steps = trend.steps.filter((s) => s.resolved.length > 0 || s.raised.length > 0);
  if (steps.length > 0) {
    parts.push("<h2>Recommendations along the way</h2>");
    for (const s of steps) {
      const list = (title: string, items: typeof s.resolved) =>
        items.length === 0
          ? ""
          : `<p><strong>${title} (${items.length})</strong></p><ul>${items
              .slice(0, Math.max(options.top, 1) * 4)
              .map((r) => `<li>${e(r.title)} <span class="tag">${e(r.dimension)}</span></li>`)
              .join("")}</ul>`;
      parts.push(
        `<h3>${e(s.from ?? "(no date)")} → ${e(s.to ?? "(no date)")}</h3>`,
        list("Resolved", s.resolved),
        list("Newly raised", s.raised),
      );
    }
  }
  parts.push(`<p class="muted">social-audit trend schema ${trend.schemaVersion}</p>`);
  return page(
    `Social readiness over time: ${trend.organization}`,
    `<section class="report">${parts.join("\n")}</section>`,
    TREND_STYLE,
  );
}

export const TREND_RENDERERS = {
  table,
  json: (trend: Trend) => `${toJson(trend, 2)}\n`,
  html,
} satisfies Record<TrendFormat, (trend: Trend, options: ViewOptions) => string>;

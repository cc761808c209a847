import type { DimensionResult, Report } from "../core/report-schema.js";
import { summarizeAudit, type PlanError } from "../core/envelope.js";
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
  adviceText,
  overallCapNote,
  stepTitles,
  thresholdName,
  thresholdVerdict,
  auditNotes,
  batchCounts,
  shownOf,
  problemTexts,
} from "./report-text.js";
import { escapeHtml as e } from "../text/escape.js";
import type { RenderOptions, Renderer } from "./types.js";

/** One self-contained file: inline CSS and SVG, no scripts, no network, prints cleanly to PDF. */

const STYLE = `
:root { --ink: #1d2430; --muted: #5b6575; --line: #d9dee6; --accent: #2f6fdf; --bg: #f6f8fb; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #fff; }
main { max-width: 960px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; } h2 { font-size: 1.25rem; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 20px 0 4px; }
.meta, .muted { color: var(--muted); }
.overview { display: flex; flex-wrap: wrap; gap: 24px; align-items: center; margin-top: 16px; }
.score { font-size: 2.6rem; font-weight: 700; } .level { font-weight: 600; }
.bars { flex: 1 1 320px; } .bar-row { display: grid; grid-template-columns: 120px 1fr 140px; gap: 8px; align-items: center; margin: 6px 0; white-space: nowrap; }
.bar { background: var(--bg); border: 1px solid var(--line); height: 14px; border-radius: 7px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--accent); }
.poles { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin: 8px 0; }
.poles div { background: var(--bg); border-radius: 6px; padding: 8px 12px; }
ol.steps li { margin-bottom: 8px; } .tag { font-size: .8rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; } th, td { text-align: left; border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
.fail, .critical { color: #b3261e; font-weight: 600; } ol.fix-first { border-left: 4px solid #b3261e; padding-left: 32px; } .pass { color: #1e7b34; }
section.report + section.report { border-top: 3px solid var(--line); margin-top: 40px; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
@media print { main { padding: 0; } h2, h3 { break-after: avoid; } section.dimension, ol.steps li, tr { break-inside: avoid; } section.report + section.report { break-before: page; } }
`;

export function radarSvg(
  dimensions: readonly Pick<DimensionResult, "title" | "score">[],
  size = 300,
): string {
  const n = dimensions.length;
  if (n < 3) return "";
  // Side room for labels such as "Relationships 65", which sit beyond the chart's edge.
  const labelRoom = 110;
  const width = size + 2 * labelRoom;
  const cx = width / 2;
  const c = size / 2;
  const r = size / 2 - 40;
  const point = (i: number, value: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [
      cx + Math.cos(angle) * r * (value / 100),
      c + Math.sin(angle) * r * (value / 100),
    ] as const;
  };
  const ring = (value: number) =>
    dimensions
      .map((_, i) =>
        point(i, value)
          .map((x) => x.toFixed(1))
          .join(","),
      )
      .join(" ");
  const rings = [25, 50, 75, 100]
    .map((v) => `<polygon points="${ring(v)}" fill="none" stroke="#d9dee6"/>`)
    .join("");
  const axes = dimensions
    .map((_, i) => {
      const [x, y] = point(i, 100);
      return `<line x1="${cx}" y1="${c}" x2="${x.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#d9dee6"/>`;
    })
    .join("");
  const labels = dimensions
    .map((d, i) => {
      const [x, y] = point(i, 116);
      const anchor = Math.abs(x - cx) < 5 ? "middle" : x > cx ? "start" : "end";
      return `<text x="${x.toFixed(1)}" y="${(y + 4).toFixed(1)}" text-anchor="${anchor}">${e(d.title)} ${formatScore(d.score)}</text>`;
    })
    .join("");
  const shape = dimensions
    .map((d, i) =>
      point(i, Math.max(d.score, 1))
        .map((x) => x.toFixed(1))
        .join(","),
    )
    .join(" ");
  return `<svg class="radar" role="img" aria-label="Radar chart of dimension scores" viewBox="0 0 ${width} ${size}" width="${width}" height="${size}" xmlns="http://www.w3.org/2000/svg">${rings}${axes}<polygon points="${shape}" fill="rgba(47,111,223,.25)" stroke="#2f6fdf" stroke-width="2"/>${labels}</svg>`;
}

function bars(report: Report): string {
  const rows = report.dimensions
    .map((d) =>
      isAssessed(d)
        ? `<div class="bar-row"><span>${e(d.title)}</span><div class="bar" role="meter" aria-valuenow="${d.score}" aria-valuemin="0" aria-valuemax="100"><span style="width:${d.score}%"></span></div><span>${formatScore(d.score)} · ${e(d.level.label)}${capNote(report, d) ? " (capped)" : ""}</span></div>`
        : `<div class="bar-row"><span>${e(d.title)}</span><div class="bar"></div><span class="muted">not assessed</span></div>`,
    )
    .join("");
  return `<div class="bars">${rows}</div>`;
}

function section(report: Report, options: RenderOptions): string {
  const meta = [
    report.date,
    report.auditor && `Auditor: ${report.auditor}`,
    report.source.plan && `Plan: ${report.source.plan}`,
  ]
    .filter(Boolean)
    .map((m) => e(String(m)))
    .join(" · ");
  const overallLevel = report.levels.find((l) => l.id === report.overall.level.id);
  const rest = nextSteps(report);
  const top = rest.slice(0, Math.max(options.top, 1));
  const critical = fixFirst(report);
  const overallCap = overallCapNote(report);
  const parts: string[] = [];
  parts.push(
    `<h1>Social readiness: ${e(report.organization)}</h1>`,
    meta ? `<p class="meta">${meta}</p>` : "",
  );
  parts.push(
    `<div class="overview"><div><div class="score" data-testid="overall">${formatScore(report.overall.score)}</div><div class="level">${e(report.overall.level.label)}</div>${overallCap ? `<p class="critical">Level ${e(overallCap)}</p>` : ""}<p class="muted">${e(overallLevel?.summary ?? "")}</p></div>${radarSvg(report.dimensions.filter(isAssessed))}${bars(report)}</div>`,
  );
  if (critical.length > 0) {
    parts.push(
      `<h2 class="critical">Fix first</h2><p class="muted">Critical findings: answers that mean nobody is home or the organisation is at risk. They hold the level down until fixed.</p><ol class="steps fix-first">`,
    );
    for (const r of critical)
      parts.push(
        `<li value="${r.rank}"><strong>${e(r.title)}</strong> <span class="tag">${e(dimensionTitle(report, r.dimension))} · ${r.effort} effort · ${gainOverall(r)}</span><br>${r.why ? `<span class="critical">${e(r.why)}</span><br>` : ""}${adviceText(r, e)}</li>`,
      );
    parts.push("</ol>");
  }
  if (top.length > 0) {
    parts.push(
      `<h2>Next steps</h2><p class="muted">The highest-value recommendations, ${e(shownOf(report, top.length))}, ranked by overall gain (points of 100) per unit of effort.</p><ol class="steps">`,
    );
    for (const r of top)
      parts.push(
        `<li value="${r.rank}"><strong>${e(r.title)}</strong> <span class="tag">${e(dimensionTitle(report, r.dimension))} · ${r.effort} effort · ${gainOverall(r)}</span><br>${nowAndNext(r) ? `<span class="muted">${e(nowAndNext(r))}</span><br>` : ""}${e(r.detail)}</li>`,
      );
    parts.push("</ol>");
  }
  parts.push("<h2>Dimensions</h2>");
  for (const d of report.dimensions) {
    if (!isAssessed(d)) {
      parts.push(`<section class="dimension"><h3>${e(d.title)}: not assessed</h3></section>`);
      continue;
    }
    const cap = capNote(report, d);
    const steps = stepTitles(report, d);
    const recs = report.recommendations.filter((r) => r.dimension === d.id);
    parts.push(
      `<section class="dimension"><h3>${e(d.title)}: ${formatScore(d.score)} (${e(d.level.label)})</h3><p>${e(d.description)}</p>${cap ? `<p class="critical">Level ${e(cap)}.</p>` : ""}`,
      `<div class="poles"><div><strong>Existing</strong><br>${e(d.existing)}</div><div><strong>Living</strong><br>${e(d.living)}</div></div>`,
      d.nextLevel && steps.length > 0
        ? `<p><strong>To reach ${e(d.nextLevel.level.label)}</strong> (+${formatScore(d.nextLevel.pointsNeeded)} points): ${steps.map(e).join("; ")}.</p>`
        : "",
      recs.length > 0
        ? `<table><thead><tr><th>#</th><th>Recommendation</th><th>Effort</th><th>Gain (dimension points)</th></tr></thead><tbody>${recs.map((r) => `<tr><td>${r.rank}</td><td>${r.critical ? `<span class="critical">Fix first:</span> ` : ""}<strong>${e(r.title)}</strong><br>${adviceText(r, e)}</td><td>${r.effort}</td><td>${formatGain(r.gain.dimension)}</td></tr>`).join("")}</tbody></table>`
        : "",
      "</section>",
    );
  }
  for (const section of auditNotes(report))
    parts.push(
      `<h2>${e(section.title)}</h2><p class="muted">${e(section.intro)}</p><ul>${section.items.map((i) => `<li>${e(i)}</li>`).join("")}</ul>`,
    );
  if (report.unanswered.length > 0) {
    parts.push(
      `<h2>Unanswered questions</h2><p class="muted">Each scores 0 until answered.</p><ul>${report.unanswered.map((u) => `<li>${e(dimensionTitle(report, u.dimension))}: ${e(u.prompt)}</li>`).join("")}</ul>`,
    );
  }
  const skipped = notApplicable(report);
  if (skipped.length > 0) {
    parts.push(
      `<h2>Not applicable</h2><p class="muted">These carry no weight in the scores.</p><ul>${skipped.map((n) => `<li>${e(dimensionTitle(report, n.dimension))}: ${e(n.prompt)} <span class="muted">${e(n.reason)}</span></li>`).join("")}</ul>`,
    );
  }
  const notes = notesOf(report);
  if (report.notes || notes.length > 0) {
    parts.push(
      `<h2>Notes</h2>${report.notes ? `<p>${e(report.notes)}</p>` : ""}<ul>${notes.map((n) => `<li><strong>${e(n.dimension)}</strong>, ${e(n.prompt)} ${e(n.text)}</li>`).join("")}</ul>`,
    );
  }
  if (report.thresholds.checks.length > 0) {
    parts.push(
      `<h2>Thresholds</h2><table><thead><tr><th>Check</th><th>Actual</th><th>Result</th><th>From</th></tr></thead><tbody>${report.thresholds.checks.map((c) => `<tr><td>${e(thresholdName(c))}</td><td>${formatScore(c.actual)}</td><td class="${c.passed ? "pass" : "fail"}">${thresholdVerdict(c)}</td><td>${c.source}</td></tr>`).join("")}</tbody></table>`,
    );
  }
  parts.push(
    `<p class="muted">social-audit ${e(report.tool.version)} · report schema ${report.schemaVersion}</p>`,
  );
  return `<section class="report">${parts.join("\n")}</section>`;
}

/** The page every HTML view shares: one CSP, one style sheet (plus a view's own), print rules. */
export function page(title: string, body: string, extraStyle = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>${STYLE}${extraStyle}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Plans that could not be audited, each problem where it is, so none vanishes from the page. */
function errorList(errors: readonly PlanError[]): string {
  if (errors.length === 0) return "";
  const items = errors.map(
    (error) =>
      `<li><code>${e(error.file)}</code>: could not be audited<ul>${problemTexts(error)
        .map((text) => `<li>${e(text)}</li>`)
        .join("")}</ul></li>`,
  );
  return `<h2 class="critical">Plans that could not be audited</h2><ul data-testid="plan-errors">${items.join("")}</ul>`;
}

export const htmlRenderer: Renderer = {
  report: (report, options) =>
    page(`Social readiness: ${report.organization}`, section(report, options)),
  batch: (reports, options, errors = []) => {
    const summary = summarizeAudit(reports, errors);
    const table =
      reports.length === 0
        ? ""
        : `<table><thead><tr><th>Organization</th><th>Overall</th><th>Level</th></tr></thead><tbody>${reports.map((r) => `<tr><td>${e(r.organization)}</td><td>${formatScore(r.overall.score)}</td><td>${e(r.overall.level.label)}</td></tr>`).join("")}</tbody></table>`;
    const overview = `<h1>Social readiness audits</h1><p>${e(batchCounts(summary))}.</p>${table}${errorList(errors)}`;
    return page(
      "Social readiness audits",
      `<section class="report">${overview}</section>\n${reports.map((r) => section(r, options)).join("\n")}`,
    );
  },
};

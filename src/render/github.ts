import type { Report } from "../core/report-schema.js";
import { dimensionTitle, isAssessed, nowAndNext, thresholdName } from "./report-text.js";
import { stripControl } from "./sanitize.js";
import type { Renderer } from "./types.js";

/** GitHub's workflow-command escaping: data and properties differ in what must be encoded. */
const escapeData = (s: string) =>
  stripControl(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function command(
  kind: "warning" | "error" | "notice",
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${kind}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

/** Annotations for GitHub Actions: each recommendation at its plan line, each failed threshold as an error. */
function annotations(report: Report): string[] {
  const file = report.source.plan ?? undefined;
  // Critical findings are errors titled "Fix first", so they stand out in the run's summary.
  const lines = report.recommendations.map((r) =>
    command(
      r.critical ? "error" : "warning",
      {
        file,
        line: file ? r.location?.line : undefined,
        col: file ? r.location?.column : undefined,
        title: `${r.critical ? "Fix first: " : ""}${dimensionTitle(report, r.dimension)}: ${r.title}`,
      },
      `${r.critical && r.why ? `${r.why} ` : ""}${r.target ? `${nowAndNext(r)} ` : ""}${r.detail} (${r.effort} effort, +${r.gain.overall.toFixed(1)} overall)`,
    ),
  );
  for (const check of report.thresholds.checks.filter((c) => !c.passed)) {
    lines.push(
      command(
        "error",
        { file, line: file ? 1 : undefined, title: "social-audit threshold" },
        `${report.organization}: ${thresholdName(check)}, but scored ${check.actual.toFixed(1)}`,
      ),
    );
  }
  lines.push(
    command(
      "notice",
      { title: `social-audit: ${report.organization}` },
      `Overall ${report.overall.score.toFixed(1)}/100 (${report.overall.level.label}); ${report.dimensions.map((d) => (isAssessed(d) ? `${d.title} ${d.score.toFixed(1)}` : `${d.title} not assessed`)).join(", ")}`,
    ),
  );
  return lines;
}

const lines = (report: Report) => `${annotations(report).join("\n")}\n`;

export const githubRenderer: Renderer = {
  report: lines,
  batch: (reports) => reports.map(lines).join(""),
  stream: lines,
};

import type { PlanError } from "../core/envelope.js";
import type { RecommendationResult, Report } from "../core/report-schema.js";
import {
  dimensionTitle,
  fixFirst,
  formatScore,
  gainOverall,
  isAssessed,
  locatedProblems,
  nextSteps,
  adviceText,
  promptOf,
  thresholdName,
} from "./report-text.js";
import { stripControl } from "../text/sanitize.js";
import type { RenderOptions, Renderer } from "./types.js";

/**
 * GitHub shows at most 10 annotations of each kind per step, so each plan stays within that:
 * its failed gates as errors, its top recommendations, a notice at each claim given without
 * the evidence the rubric asks for (in what the recommendations left of the notices), then one
 * notice with its scores and what was left out. A reader sees every plan's verdict, not the
 * first plan's thirty warnings.
 */
export const ANNOTATIONS_PER_KIND = 10;

type Kind = "error" | "warning" | "notice";

/** The runner's workflow-command escaping: data and properties differ in what must be encoded. */
export const escapeData = (s: string) =>
  stripControl(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
export const escapeProperty = (s: string) =>
  escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function command(
  kind: Kind,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${kind}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

/**
 * A recommendation is a warning when it helps a gate the plan failed (any recommendation lifts
 * the overall score; a dimension's lifts that dimension), and a notice, advice, otherwise.
 */
function kindOf(report: Report, r: RecommendationResult): Kind {
  const failed = report.thresholds.checks.filter((c) => !c.passed);
  return failed.some((c) => c.scope === "overall" || c.dimension === r.dimension)
    ? "warning"
    : "notice";
}

function annotations(report: Report, top: number): string[] {
  const file = report.source.plan ?? undefined;
  const at = (line: number | undefined, col?: number) => ({
    file,
    line: file ? line : undefined,
    col: file ? col : undefined,
  });
  const lines: string[] = [];

  const failed = report.thresholds.checks.filter((c) => !c.passed);
  const gate = (text: string) =>
    command(
      "error",
      { ...at(1), title: "social-audit threshold" },
      `${report.organization}: ${text}`,
    );
  const gateText = (c: (typeof failed)[number]) =>
    `${thresholdName(c)}, but scored ${formatScore(c.actual)}`;
  if (failed.length <= ANNOTATIONS_PER_KIND) lines.push(...failed.map((c) => gate(gateText(c))));
  else {
    const shown = failed.slice(0, ANNOTATIONS_PER_KIND - 1);
    lines.push(...shown.map((c) => gate(gateText(c))));
    const rest = failed.slice(shown.length);
    lines.push(gate(`${rest.length} more thresholds failed: ${rest.map(gateText).join("; ")}`));
  }

  // Recommendations in the report's order (its ranking), as many as --top asks and each kind's
  // budget allows; the closing notice takes one of the notices. Critical findings ("Fix first")
  // are errors, shown whatever --top says, within what the gates left of the errors' budget.
  const budget: Record<Kind, number> = {
    error: ANNOTATIONS_PER_KIND - Math.min(failed.length, ANNOTATIONS_PER_KIND),
    warning: ANNOTATIONS_PER_KIND,
    notice: ANNOTATIONS_PER_KIND - 1,
  };
  let shown = 0;
  const critical = fixFirst(report);
  const chosen = [...critical, ...nextSteps(report).slice(0, Math.max(0, top - critical.length))];
  for (const r of chosen) {
    const kind = r.critical === true ? "error" : kindOf(report, r);
    if (budget[kind] === 0) continue;
    budget[kind]--;
    shown++;
    lines.push(
      command(
        kind,
        {
          ...at(r.location?.line, r.location?.column),
          title: `${r.critical === true ? "Fix first: " : ""}${dimensionTitle(report, r.dimension)}: ${r.title}`,
        },
        `${r.critical === true && r.why ? `${r.why} ` : ""}${adviceText(r)} (${r.effort} effort, ${gainOverall(r)})`,
      ),
    );
  }

  // Claims without evidence: a notice at the answer's line. --top counts recommendations only;
  // these take the notices the recommendations left, after them, so advice keeps priority.
  const claims = report.unsupported ?? [];
  const noted = claims.slice(0, budget.notice);
  budget.notice -= noted.length;
  for (const u of noted)
    lines.push(
      command(
        "notice",
        {
          ...at(u.location?.line, u.location?.column),
          title: `Unsupported claim: ${dimensionTitle(report, u.dimension)}`,
        },
        `${promptOf(report, u.dimension, u.question)} Answered "${u.claimed}", a claim to back up: write it as { answer: ..., evidence: ... }.${u.scoredAs ? ` Scored as "${u.scoredAs.text}" (--require-evidence).` : ""}`,
      ),
    );

  const total = report.recommendations.length;
  const left = total - shown;
  const claimsLeft = claims.length - noted.length;
  const scores = `Overall ${formatScore(report.overall.score)}/100 (${report.overall.level.label}); ${report.dimensions.map((d) => (isAssessed(d) ? `${d.title} ${formatScore(d.score)}` : `${d.title} not assessed`)).join(", ")}`;
  const leftOut =
    left > 0 || claimsLeft > 0
      ? `. ${[
          ...(left > 0
            ? [`${shown} of ${total} recommendations annotated, ${left} more left out`]
            : []),
          ...(claimsLeft > 0
            ? [`${noted.length} of ${claims.length} unsupported claims annotated`]
            : []),
        ].join(
          "; ",
        )} (--top ${top}, at most ${ANNOTATIONS_PER_KIND} of a kind); all are in --format markdown or json.`
      : "";
  lines.push(
    command("notice", { title: `social-audit: ${report.organization}` }, scores + leftOut),
  );
  return lines;
}

const lines = (report: Report, options: RenderOptions) =>
  `${annotations(report, options.top).join("\n")}\n`;

/** An invalid plan: an error at each problem's line, as many as GitHub shows of a kind. */
const errorLine = (error: PlanError) =>
  locatedProblems(error, ANNOTATIONS_PER_KIND)
    .map(
      (p) =>
        `${command(
          "error",
          {
            file: error.file === "<stdin>" ? undefined : error.file,
            line: p.line ?? undefined,
            col: p.column ?? undefined,
            title: "social-audit: invalid plan",
          },
          `${error.file}: ${p.text}`,
        )}\n`,
    )
    .join("");

export const githubRenderer: Renderer = {
  report: lines,
  batch: (reports, options, errors = []) =>
    reports.map((r) => lines(r, options)).join("") + errors.map(errorLine).join(""),
  stream: lines,
  streamError: errorLine,
  defaultTop: 3,
};

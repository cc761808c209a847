import { createHash } from "node:crypto";
import { toJson } from "./json-text.js";
import type { PlanError } from "../core/envelope.js";
import type { Report } from "../core/report-schema.js";
import {
  dimensionTitle,
  fixFirst,
  formatScore,
  gainOverall,
  locatedProblems,
  nextSteps,
  adviceText,
  promptOf,
  thresholdName,
} from "./report-text.js";
import { stripControl } from "../text/sanitize.js";
import type { RenderOptions, Renderer } from "./types.js";
import {
  INVALID_PLAN_RULE,
  evidenceRule,
  recommendationRule,
  thresholdRule,
  thresholdRuleId,
  type Level,
  type SarifRule,
} from "./sarif-rules.js";

/**
 * SARIF 2.1.0 for GitHub code scanning: each failed gate and each recommendation is a result
 * at the line of the plan file where the answer falls short, and each claim given without the
 * evidence the rubric asks for is a note at its answer's line.
 *
 * All plans share one run. GitHub rejects a file with more than 20 runs, and (since 2025) one
 * with several runs of the same tool and category, so a run per plan would fail from 21 plans
 * on; and a category per plan would leave a deleted plan's alerts open forever. The run is kept
 * within the 5,000 results GitHub stores per run instead: failed gates always, then each plan's
 * top recommendations (--top, default all), an equal share each when all would not fit, then
 * the unsupported claims in what is left, again an equal share each. --top counts
 * recommendations only: a note is not advice, and a plan has a handful of claims at most.
 */
export const GITHUB_RESULTS_PER_RUN = 5000;

/** `<stdin>` is not a file in the repository; it is reported as one so every result has a location. */
const STDIN_URI = "%3Cstdin%3E";

interface Region {
  startLine: number;
  startColumn: number;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: Region };
  }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}

/**
 * A plan path as a URI reference (RFC 3986): each segment percent-encoded, so `#`, `?`, `%`,
 * spaces and non-ASCII cannot be read as a fragment, a query or a broken escape. An absolute
 * path becomes a `file:` URI, which code scanning makes relative to the checkout.
 */
export function artifactUri(path: string): string {
  const slashed = path.replace(/\\/g, "/");
  const drive = /^[A-Za-z]:\//.test(slashed);
  const absolute = slashed.startsWith("/") || drive;
  const segments = slashed.split("/").map((segment, i) =>
    drive && i === 0
      ? segment
      : encodeURIComponent(segment)
          .replace(/%(2[46B]|3B|3D|40)/g, (e) => decodeURIComponent(e))
          // A colon in a relative reference's first segment would read as a scheme.
          .replace(/%3A/g, (e) => (absolute || i > 0 ? ":" : e)),
  );
  const joined = segments.join("/");
  if (!absolute) return joined;
  return drive ? `file:///${joined}` : `file://${joined}`;
}

/** An invalid plan's problems listed as results, each at its line; the last says how many more. */
const PROBLEMS_PER_PLAN = 10;

const fingerprint = (...parts: string[]) =>
  createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);

/** How many of a plan's recommendations a share of `k` lists: its critical ones always. */
export function listedCount(report: Report, k: number): number {
  const critical = report.recommendations.filter((r) => r.critical === true).length;
  return Math.max(critical, Math.min(k, report.recommendations.length));
}

/**
 * How much of each plan the run lists: `top` recommendations each (--top, or the largest equal
 * share that fits beside every failed gate and invalid plan), and then `notes` unsupported
 * claims each, the largest equal share of what the recommendations left of the run's room.
 */
function budget(
  reports: readonly Report[],
  top: number,
  invalid = 0,
): { top: number; notes: number } {
  const gates = reports.reduce(
    (n, r) => n + r.thresholds.checks.filter((c) => !c.passed).length,
    invalid,
  );
  const results = (k: number) => reports.reduce((n, r) => n + listedCount(r, k), gates);
  const share = largestShare(top, (k) => results(k) <= GITHUB_RESULTS_PER_RUN);
  const room = GITHUB_RESULTS_PER_RUN - results(share);
  const claims = reports.map((r) => r.unsupported?.length ?? 0);
  const most = claims.reduce((a, b) => Math.max(a, b), 0);
  const notes = (k: number) => claims.reduce((n, c) => n + Math.min(c, k), 0);
  return { top: share, notes: largestShare(most, (k) => notes(k) <= room) };
}

/** `wanted` when it fits, else the largest share below it that does (0 at least). */
function largestShare(wanted: number, fits: (share: number) => boolean): number {
  if (fits(wanted)) return wanted;
  let share = 0;
  while (share < wanted && fits(share + 1)) share++;
  return share;
}

function log(
  reports: readonly Report[],
  options: RenderOptions,
  errors: readonly PlanError[] = [],
): string {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleFor = (id: string, make: () => SarifRule): number => {
    const known = ruleIndex.get(id);
    if (known !== undefined) return known;
    rules.push(make());
    ruleIndex.set(id, rules.length - 1);
    return rules.length - 1;
  };
  const { top, notes: noteShare } = budget(
    reports,
    options.top,
    errors.reduce((n, e) => n + locatedProblems(e, PROBLEMS_PER_PLAN).length, 0),
  );
  let leftOut = 0;
  let claimsLeftOut = 0;
  const results: SarifResult[] = [];

  for (const report of reports) {
    const uri = report.source.plan === null ? STDIN_URI : artifactUri(report.source.plan);
    // A plan read from stdin has no path to tell it from another: its organization does.
    const identity = report.source.plan === null ? `stdin:${report.organization}` : uri;
    const result = (
      ruleId: string,
      index: number,
      level: Level,
      text: string,
      region: Region,
      properties: Record<string, unknown>,
    ): SarifResult => ({
      ruleId,
      ruleIndex: index,
      level,
      message: { text: stripControl(text) },
      locations: [{ physicalLocation: { artifactLocation: { uri }, region } }],
      // Stable across edits that move the answer to another line: the plan and the rule.
      partialFingerprints: { "socialAudit/v1": fingerprint(identity, ruleId) },
      properties: { organization: report.organization, ...properties },
    });

    for (const check of report.thresholds.checks.filter((c) => !c.passed)) {
      const id = thresholdRuleId(check);
      const index = ruleFor(id, () => thresholdRule(id));
      results.push(
        result(
          id,
          index,
          "error",
          `${report.organization}: ${thresholdName(check)}, but scored ${formatScore(check.actual)} (from ${check.source})`,
          { startLine: 1, startColumn: 1 },
          { actual: check.actual, min: check.min },
        ),
      );
    }

    // Critical findings ("Fix first") are errors and always listed; --top bounds the rest.
    const critical = fixFirst(report);
    const listed = [...critical, ...nextSteps(report).slice(0, Math.max(0, top - critical.length))];
    leftOut += report.recommendations.length - listed.length;
    for (const r of listed) {
      const id = `${r.dimension}/${r.question}`;
      const index = ruleFor(id, () => recommendationRule(report, r, id));
      const at = r.location ?? { line: 1, column: 1 };
      const fix = r.critical === true;
      results.push(
        result(
          id,
          index,
          fix ? "error" : "warning",
          `${fix ? "Fix first: " : ""}${r.title} (${dimensionTitle(report, r.dimension)}, ${r.effort} effort, ${gainOverall(r)}): ${fix && r.why ? `${r.why} ` : ""}${adviceText(r)}`,
          { startLine: at.line, startColumn: at.column },
          {
            rank: r.rank,
            gain: r.gain,
            critical: fix,
            ...(r.target ? { current: r.current ?? null, target: r.target } : {}),
          },
        ),
      );
    }

    // Claims the rubric wants backed up, given without evidence: a note at the answer's line.
    const claims = report.unsupported ?? [];
    claimsLeftOut += Math.max(0, claims.length - noteShare);
    for (const u of claims.slice(0, noteShare)) {
      const id = `evidence/${u.dimension}/${u.question}`;
      const index = ruleFor(id, () => evidenceRule(report, u));
      const at = u.location ?? { line: 1, column: 1 };
      const instead = u.scoredAs ? ` Scored as "${u.scoredAs.text}" (--require-evidence).` : "";
      results.push(
        result(
          id,
          index,
          "note",
          `Unsupported claim (${dimensionTitle(report, u.dimension)}): ${promptOf(report, u.dimension, u.question)} Answered "${u.claimed}", which needs evidence: write it as { answer: ..., evidence: ... }.${instead}`,
          { startLine: at.line, startColumn: at.column },
          { claimed: u.claimed, ...(u.scoredAs ? { scoredAs: u.scoredAs } : {}) },
        ),
      );
    }
  }

  // An invalid plan is an error at each problem's line, so it cannot pass unseen.
  for (const error of errors) {
    const index = ruleFor(INVALID_PLAN_RULE.id, () => INVALID_PLAN_RULE);
    const uri = error.file === "<stdin>" ? STDIN_URI : artifactUri(error.file);
    for (const [i, problem] of locatedProblems(error, PROBLEMS_PER_PLAN).entries())
      results.push({
        ruleId: INVALID_PLAN_RULE.id,
        ruleIndex: index,
        level: "error",
        message: { text: stripControl(`${error.file}: ${problem.text}`) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: problem.line ?? 1, startColumn: problem.column ?? 1 },
            },
          },
        ],
        partialFingerprints: {
          "socialAudit/v1": fingerprint(uri, INVALID_PLAN_RULE.id, ...(i === 0 ? [] : [String(i)])),
        },
        properties: { problems: error.problems.length },
      });
  }

  const notes = [
    ...(leftOut > 0
      ? [
          top < options.top
            ? `${leftOut} recommendations left out: each plan lists its top ${top} so the run stays within GitHub's ${GITHUB_RESULTS_PER_RUN} results per run.`
            : `${leftOut} recommendations left out: each plan lists its top ${top} (--top).`,
        ]
      : []),
    ...(claimsLeftOut > 0
      ? [
          `${claimsLeftOut} unsupported claims left out: each plan lists ${noteShare} so the run stays within GitHub's ${GITHUB_RESULTS_PER_RUN} results per run (all are in --format json).`,
        ]
      : []),
  ].map((text) => ({ level: "note" as const, message: { text } }));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "social-audit",
            version: reports[0]?.tool.version ?? options.toolVersion ?? "0.0.0",
            ...(options.toolInformationUri ? { informationUri: options.toolInformationUri } : {}),
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notes }],
        results,
      },
    ],
  };
  return `${toJson(sarif, 2)}\n`;
}

export const sarifRenderer: Renderer = {
  report: (report, options) => log([report], options),
  batch: (reports, options, errors) => log(reports, options, errors),
  defaultTop: Number.POSITIVE_INFINITY,
};

import { toJson } from "./json-text.js";
import type { Report } from "../core/report-schema.js";
import { dimensionTitle, nowAndNext, thresholdName } from "./report-text.js";
import { stripControl } from "./sanitize.js";
import type { Renderer } from "./types.js";

/**
 * SARIF 2.1.0: each recommendation is a finding pointing at the line of the plan file where
 * the answer falls short, so code-scanning dashboards show it next to the plan.
 */

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: "warning" | "error" };
  properties: Record<string, unknown>;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: "warning" | "error";
  message: { text: string };
  locations?: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number };
    };
  }[];
  properties?: Record<string, unknown>;
}

function artifactUri(path: string): string {
  return encodeURI(path.replace(/\\/g, "/"));
}

function location(report: Report, position?: { line: number; column: number }) {
  if (!report.source.plan) return {};
  const region = position ?? { line: 1, column: 1 };
  return {
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(report.source.plan) },
          region: { startLine: region.line, startColumn: region.column },
        },
      },
    ],
  };
}

function log(reports: readonly Report[]): string {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleFor = (id: string, make: () => SarifRule): number => {
    const known = ruleIndex.get(id);
    if (known !== undefined) return known;
    rules.push(make());
    ruleIndex.set(id, rules.length - 1);
    return rules.length - 1;
  };
  const results: SarifResult[] = [];
  for (const report of reports) {
    for (const r of report.recommendations) {
      const id = `${r.dimension}/${r.question}`;
      const prompt =
        report.dimensions
          .find((d) => d.id === r.dimension)
          ?.questions.find((q) => q.id === r.question)?.prompt ?? r.title;
      const index = ruleFor(id, () => ({
        id,
        name: r.question,
        shortDescription: { text: stripControl(r.title) },
        fullDescription: { text: stripControl(prompt) },
        help: { text: stripControl(r.detail) },
        defaultConfiguration: { level: "warning" },
        properties: {
          dimension: r.dimension,
          effort: r.effort,
          tags: ["social-readiness", r.dimension],
        },
      }));
      // A critical finding is an error: it caps the level and is listed under Fix first.
      const fix = r.critical === true;
      results.push({
        ruleId: id,
        ruleIndex: index,
        level: fix ? "error" : "warning",
        message: {
          text: stripControl(
            `${fix ? "Fix first: " : ""}${r.title} (${dimensionTitle(report, r.dimension)}, ${r.effort} effort, +${r.gain.overall.toFixed(1)} overall): ${fix && r.why ? `${r.why} ` : ""}${r.target ? `${nowAndNext(r)} ` : ""}${r.detail}`,
          ),
        },
        ...location(report, r.location),
        properties: {
          organization: report.organization,
          rank: r.rank,
          gain: r.gain,
          critical: fix,
          ...(r.target ? { current: r.current ?? null, target: r.target } : {}),
        },
      });
    }
    for (const check of report.thresholds.checks.filter((c) => !c.passed)) {
      const id = `threshold/${check.scope === "overall" ? "overall" : check.dimension}`;
      const index = ruleFor(id, () => ({
        id,
        name: "threshold",
        shortDescription: { text: "Score below a required threshold" },
        fullDescription: {
          text: "The audit's overall or dimension score is below the threshold set for it.",
        },
        help: {
          text: "Act on the highest-ranked recommendations for this dimension, then audit again.",
        },
        defaultConfiguration: { level: "error" },
        properties: { tags: ["social-readiness", "threshold"] },
      }));
      results.push({
        ruleId: id,
        ruleIndex: index,
        level: "error",
        message: {
          text: stripControl(
            `${report.organization}: ${thresholdName(check)}, but scored ${check.actual.toFixed(1)} (from ${check.source})`,
          ),
        },
        ...location(report),
      });
    }
  }
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: { name: "social-audit", version: reports[0]?.tool.version ?? "0.0.0", rules },
        },
        results,
      },
    ],
  };
  return `${toJson(sarif, 2)}\n`;
}

export const sarifRenderer: Renderer = {
  report: (report) => log([report]),
  batch: (reports) => log(reports),
};

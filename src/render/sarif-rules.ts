import type {
  RecommendationResult,
  Report,
  ThresholdCheck,
  Unsupported,
} from "../core/report-schema.js";
import { promptOf } from "./report-text.js";
import { stripControl } from "../text/sanitize.js";

// The rules of the SARIF log (sarif.ts): what each kind of result is, in the words code
// scanning shows beside an alert. One rule per failed gate, per recommendation and per
// unsupported claim, and one for a plan that could not be audited.

export type Level = "error" | "warning" | "note";

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: Level };
  properties: Record<string, unknown>;
}

export const INVALID_PLAN_RULE: SarifRule = {
  id: "invalid-plan",
  name: "invalid-plan",
  shortDescription: { text: "Plan could not be read or audited" },
  fullDescription: {
    text: "The plan file is not valid YAML, does not match the plan schema, or could not be read.",
  },
  help: {
    text: "Fix the problem at the line shown, then audit again; `social-audit schema plan` prints the plan's schema.",
  },
  defaultConfiguration: { level: "error" },
  properties: { tags: ["social-readiness", "invalid-plan"] },
};

export const thresholdRuleId = (check: ThresholdCheck) =>
  `threshold/${check.scope === "overall" ? "overall" : (check.dimension ?? "dimension")}`;

export const thresholdRule = (id: string): SarifRule => ({
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
});

export function evidenceRule(report: Report, u: Unsupported): SarifRule {
  const prompt = promptOf(report, u.dimension, u.question);
  return {
    id: `evidence/${u.dimension}/${u.question}`,
    name: "unsupported-claim",
    shortDescription: { text: "A claim the rubric wants backed up, given without evidence" },
    fullDescription: { text: stripControl(prompt) },
    help: {
      text: "The rubric marks this answer as a claim to back up (a document, a link, a measurement). Write the answer as { answer: ..., evidence: ..., asOf: YYYY-MM-DD, by: NAME }; --require-evidence scores it as the best answer that needs none until then.",
    },
    defaultConfiguration: { level: "note" },
    properties: { dimension: u.dimension, tags: ["social-readiness", "evidence", u.dimension] },
  };
}

export function recommendationRule(report: Report, r: RecommendationResult, id: string): SarifRule {
  const prompt =
    report.dimensions.find((d) => d.id === r.dimension)?.questions.find((q) => q.id === r.question)
      ?.prompt ?? r.title;
  return {
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
  };
}

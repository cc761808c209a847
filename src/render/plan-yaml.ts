import { stringify } from "yaml";
import type { Plan } from "../core/plan-file.js";
import type { RubricSet } from "../core/rubric.js";

/**
 * A plan as YAML in exactly the format `audit` reads, answers in rubric order, so an
 * interview's file can be re-scored, edited by hand or checked in CI.
 */
export function planToYaml(plan: Plan, rubrics: RubricSet, header: readonly string[] = []): string {
  const answers: Record<string, Record<string, unknown>> = {};
  for (const { rubric } of rubrics.dimensions) {
    const given = plan.answers.get(rubric.id);
    if (!given || given.size === 0) continue;
    const ordered: Record<string, unknown> = {};
    for (const q of rubric.questions) if (given.has(q.id)) ordered[q.id] = given.get(q.id);
    answers[rubric.id] = ordered;
  }
  const document = {
    organization: plan.organization,
    ...(plan.date ? { date: plan.date } : {}),
    ...(plan.auditor ? { auditor: plan.auditor } : {}),
    ...(plan.notes ? { notes: plan.notes } : {}),
    ...(plan.thresholds ? { thresholds: plan.thresholds } : {}),
    ...(plan.weights ? { weights: plan.weights } : {}),
    answers,
  };
  const comments = header.map((line) => `# ${line}`).join("\n");
  return `${comments ? `${comments}\n` : ""}${stringify(document, { lineWidth: 0, flowCollectionPadding: false })}`;
}

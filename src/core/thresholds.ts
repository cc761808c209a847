import type { PlanThresholds } from "./plan-file.js";
import type { ThresholdCheck } from "./report-schema.js";

export interface ThresholdOptions {
  /** --fail-under */
  overall?: number | undefined;
  /** --min DIMENSION=SCORE */
  dimensions?: Readonly<Record<string, number>> | undefined;
}

export interface ThresholdSpec {
  scope: "overall" | "dimension";
  dimension?: string;
  min: number;
  source: "cli" | "plan";
}

/** A plan carries its team's policy; a flag on the command line overrides the same threshold. */
export function resolveThresholds(
  plan: PlanThresholds | undefined,
  cli: ThresholdOptions,
): ThresholdSpec[] {
  const specs: ThresholdSpec[] = [];
  if (cli.overall !== undefined) specs.push({ scope: "overall", min: cli.overall, source: "cli" });
  else if (plan?.overall !== undefined)
    specs.push({ scope: "overall", min: plan.overall, source: "plan" });
  const ids = new Set([
    ...Object.keys(plan?.dimensions ?? {}),
    ...Object.keys(cli.dimensions ?? {}),
  ]);
  for (const id of ids) {
    const fromCli =
      cli.dimensions && Object.hasOwn(cli.dimensions, id) ? cli.dimensions[id] : undefined;
    const fromPlan =
      plan?.dimensions && Object.hasOwn(plan.dimensions, id) ? plan.dimensions[id] : undefined;
    if (fromCli !== undefined)
      specs.push({ scope: "dimension", dimension: id, min: fromCli, source: "cli" });
    // Stryker disable next-line ConditionalExpression: every id is a key of one of the two records, and their values are numbers, so this branch always has one
    else if (fromPlan !== undefined)
      specs.push({ scope: "dimension", dimension: id, min: fromPlan, source: "plan" });
  }
  return specs;
}

/** A threshold on a dimension the run did not assess is not evaluated: it passes, and says so. */
export function checkThresholds(
  specs: readonly ThresholdSpec[],
  overall: number,
  dimensionScores: ReadonlyMap<string, number>,
  notAssessed: ReadonlySet<string> = new Set(),
): ThresholdCheck[] {
  return specs.map((spec) => {
    const actual =
      spec.scope === "overall" ? overall : (dimensionScores.get(spec.dimension ?? "") ?? 0);
    if (spec.scope === "dimension" && notAssessed.has(spec.dimension ?? ""))
      return {
        scope: spec.scope,
        dimension: spec.dimension ?? "",
        kind: "minimum",
        min: spec.min,
        actual,
        passed: true,
        evaluated: false,
        source: spec.source,
      };
    return {
      scope: spec.scope,
      ...(spec.dimension === undefined ? {} : { dimension: spec.dimension }),
      kind: "minimum",
      min: spec.min,
      actual,
      passed: actual >= spec.min,
      source: spec.source,
    };
  });
}

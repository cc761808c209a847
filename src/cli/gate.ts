import { EXIT } from "../errors.js";
import type { Plan } from "../core/plan.js";

/** How a run's outcome becomes its exit code: invalid input always wins, `--exit-zero` only silences thresholds. */
export function auditExitCode(outcome: {
  invalid: number;
  belowThreshold: number;
  exitZero: boolean;
}): number {
  if (outcome.invalid > 0) return EXIT.invalidInput;
  if (outcome.belowThreshold > 0 && !outcome.exitZero) return EXIT.belowThreshold;
  return EXIT.ok;
}

/** `--no-plan-thresholds`: the plan's own policy is left out, so only the command line's gates apply. */
export function planForGate<P extends Pick<Plan, "thresholds">>(
  plan: P,
  usePlanThresholds: boolean,
): P {
  return usePlanThresholds ? plan : { ...plan, thresholds: undefined };
}

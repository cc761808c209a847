import { EXIT } from "../errors.js";

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

import { planError } from "../core/envelope.js";
import type { Report, ThresholdCheck } from "../core/report-schema.js";
import type { Diagnostic, UserError } from "../errors.js";

/**
 * What happened to one plan: its failed threshold checks (and, when audited in this thread,
 * its report), or why it could not be read or audited.
 */
export type PlanOutcome =
  | {
      source: string;
      failed: ThresholdCheck[];
      report?: Report | undefined;
      /** Deprecated ids, a missing profile: worth a line on stderr, not a failure. */
      warnings?: Diagnostic[] | undefined;
      /** How many answers `--max-age` found stale (0 or absent: none). */
      stale?: number | undefined;
    }
  | { source: string; error: UserError };

/**
 * Plans audited together, in order: their outcomes, and their streamed output when the run
 * renders as it goes (UTF-8 bytes from worker threads, which are lent: reused once the
 * consumer asks for the next batch).
 */
export interface AuditedBatch {
  outcomes: PlanOutcome[];
  output: string | Uint8Array;
}

/** An invalid plan as the record every format shows (JSON `errors`, a JUnit error, ...). */
export function errorRecord(source: string, error: Pick<UserError, "message" | "diagnostics">) {
  return planError(source, error.message, error.diagnostics);
}

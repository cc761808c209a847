import type { Report } from "./report-schema.js";
import { roundScore } from "./scoring.js";

export interface BatchSummary {
  plans: number;
  passed: number;
  failed: number;
  averageOverall: number;
  lowest: { organization: string; score: number } | null;
}

export function summarize(reports: readonly Report[]): BatchSummary {
  const passed = reports.filter((r) => r.thresholds.passed).length;
  const lowest = reports.reduce<Report | undefined>(
    (low, r) => (!low || r.overall.score < low.overall.score ? r : low),
    undefined,
  );
  return {
    plans: reports.length,
    passed,
    failed: reports.length - passed,
    averageOverall:
      reports.length === 0
        ? 0
        : roundScore(reports.reduce((s, r) => s + r.overall.score, 0) / reports.length),
    lowest: lowest ? { organization: lowest.organization, score: lowest.overall.score } : null,
  };
}

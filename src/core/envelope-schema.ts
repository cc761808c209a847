import * as z from "zod";
import { ReportSchema } from "./report-schema.js";
import { REPORT_SCHEMA_VERSION } from "./report-version.js";

/**
 * The shapes of `--format json` and `--format jsonl` (see envelope.ts for how they are built).
 * Only `schema` and the generated JSON Schemas need these as zod values: an audit imports
 * the types alone, so it never builds the report schema (a few milliseconds of every start).
 */

const Position = z.int().positive().nullable();

export const PlanProblemSchema = z.object({
  line: Position,
  column: Position,
  path: z.string().nullable().describe("Dotted path into the plan, e.g. answers.presence.x"),
  message: z.string(),
});
export type PlanProblem = z.infer<typeof PlanProblemSchema>;

export const PlanErrorSchema = z
  .object({
    file: z.string().describe("The plan as given on the command line; <stdin> for -"),
    line: Position.describe("Line of the first problem, when it has one"),
    column: Position,
    message: z.string().describe("What is wrong, as one line"),
    problems: z.array(PlanProblemSchema).describe("Every problem found, in order"),
  })
  .describe("A plan that could not be read or audited");
export type PlanError = z.infer<typeof PlanErrorSchema>;

export const AuditSummarySchema = z.object({
  plans: z.int().nonnegative().describe("Plans given: audited and invalid"),
  audited: z.int().nonnegative(),
  passed: z.int().nonnegative(),
  failed: z.int().nonnegative().describe("Audited plans below a threshold"),
  invalid: z.int().nonnegative().describe("Plans that could not be read or audited"),
  averageOverall: z.number().min(0).max(100).describe("Mean overall score of audited plans"),
  lowest: z.object({ organization: z.string(), score: z.number().min(0).max(100) }).nullable(),
});
export type AuditSummary = z.infer<typeof AuditSummarySchema>;

export const ToolSchema = z.object({ name: z.literal("social-audit"), version: z.string() });

export const AuditEnvelopeSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: ToolSchema,
  reports: z.array(ReportSchema),
  errors: z.array(PlanErrorSchema),
  summary: AuditSummarySchema,
});
export type AuditEnvelope = z.infer<typeof AuditEnvelopeSchema>;

/** One line of `--format jsonl`: a report or an invalid plan, told apart by `type`. */
export const AuditLineSchema = z.discriminatedUnion("type", [
  ReportSchema.extend({ type: z.literal("report") }),
  PlanErrorSchema.extend({
    type: z.literal("error"),
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  }),
]);

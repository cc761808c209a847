/** The summary of a batch of audits: the same one the JSON envelope carries. */
export { summarizeAudit as summarize, type AuditSummary as BatchSummary } from "./envelope.js";

import { describe, expect, it } from "vitest";
import { auditEnvelope, planError } from "../../src/core/envelope.js";
import { buildReport } from "../../src/core/report.js";
import { choice, plan, rubric, rubricSet } from "./builders.js";

const rubrics = rubricSet(rubric("d", [choice("q", 1)]));
const reportOf = (organization: string, answer: string) =>
  buildReport({ rubrics, plan: plan({ d: { q: answer } }, { organization }), toolVersion: "t" });

describe("auditEnvelope", () => {
  it("carries every report and every error in the order given, with their summary", () => {
    const reports = [reportOf("Acme", "all"), reportOf("Beta", "none")];
    const errors = [
      planError("a.yaml", "a.yaml: is not valid YAML", []),
      planError("b.yaml", "b.yaml: is empty", []),
    ];
    const envelope = auditEnvelope(reports, errors, "1.2.3");
    expect(envelope.tool).toEqual({ name: "social-audit", version: "1.2.3" });
    expect(envelope.reports).toEqual(reports);
    expect(envelope.errors).toEqual(errors);
    expect(envelope.summary).toMatchObject({ plans: 4, audited: 2, invalid: 2 });
    expect(envelope.summary.lowest).toEqual({ organization: "Beta", score: 0 });
  });
});

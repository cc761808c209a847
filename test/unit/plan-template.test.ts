import { describe, expect, it } from "vitest";
import { needsEvidence } from "../../src/core/evidence.js";
import { isScored, type Answer, type Question } from "../../src/core/kinds/index.js";
import { buildReport } from "../../src/core/report.js";
import type { RubricSet } from "../../src/core/rubric.js";
import { parsePlan } from "../../src/io/load-plan.js";
import { evidenceClaims, planTemplate } from "../../src/render/plan-template.js";
import { builtinRubrics } from "../helpers.js";

const template = (rubrics: RubricSet) =>
  planTemplate(rubrics, { organization: "Acme", date: "2026-11-23" });

/** Every answer a question can be given that the rubric marks as a claim, found by trying them. */
function claimedAnswers(q: Question): Answer[] {
  if (!isScored(q)) return [];
  const candidates: Answer[] =
    q.kind === "choice"
      ? q.choices.map((c) => c.value)
      : q.kind === "multi"
        ? q.options.map((o) => [o.value])
        : q.kind === "boolean"
          ? [true, false]
          : q.kind === "number"
            ? q.bands.map((b) => b.from)
            : [];
  return candidates.filter((a) => needsEvidence(q, a));
}

/** The "dimension.question: claim" lines under the template's evidence comment. */
const listed = (text: string) =>
  [...text.matchAll(/^# {3}([a-z0-9-]+)\.([a-z0-9-]+): (.+)$/gm)].map((m) => `${m[1]}.${m[2]}`);

describe("the init template's evidence comments", () => {
  it("list exactly the answers the loaded rubrics mark as needing evidence", async () => {
    const rubrics = await builtinRubrics();
    const expected = rubrics.dimensions.flatMap(({ rubric }) =>
      rubric.questions.flatMap((q) => claimedAnswers(q).map(() => `${rubric.id}.${q.id}`)),
    );
    // The shipped rubrics mark a rehearsed crisis plan, fast replies, a written plan and access.
    expect(expected).toHaveLength(4);
    const text = template(rubrics);
    expect(listed(text)).toEqual(expected);
    for (const claim of evidenceClaims(rubrics)) {
      const q = rubrics.dimensions
        .find((d) => d.rubric.id === claim.dimension)
        ?.rubric.questions.find((x) => x.id === claim.question);
      expect(q && needsEvidence(q, claim.value)).toBe(true);
    }
    // Each claim is marked where its question is explained, too.
    expect(text).toMatch(/^ {4}# {3}rehearsed: .+ \(needs evidence\)$/m);
    expect(text).toMatch(/^ {4}# Answer: true or false \(true needs evidence\)$/m);
    expect(text).toMatch(/^ {4}# Answer: a number of hours .+ \(0 to 2 hours needs evidence\)$/m);
    expect(text.match(/needs evidence\)/g)).toHaveLength(4);
  });

  it("follow the rubric, not a list of ids: a claim marked elsewhere is listed instead", async () => {
    const builtin = await builtinRubrics();
    const rubrics: RubricSet = {
      ...builtin,
      dimensions: builtin.dimensions.map((d) => ({
        ...d,
        rubric: {
          ...d.rubric,
          questions: d.rubric.questions.map((q): Question => {
            if (q.kind === "boolean") return { ...q, needsEvidence: false };
            if (q.kind === "choice")
              return {
                ...q,
                choices: q.choices.map((c) => ({ ...c, needsEvidence: q.id === "audience-first" })),
              };
            if (q.kind === "number")
              return { ...q, bands: q.bands.map((b) => ({ ...b, needsEvidence: false })) };
            return q;
          }),
        },
      })),
    };
    const choices = builtin.dimensions
      .find((d) => d.rubric.id === "planning")
      ?.rubric.questions.find((q) => q.id === "audience-first");
    const count = choices?.kind === "choice" ? choices.choices.length : 0;
    expect(count).toBeGreaterThan(1);
    const text = template(rubrics);
    expect(listed(text)).toEqual(Array.from({ length: count }, () => "planning.audience-first"));
    expect(text).not.toContain("commitment.written-plan");
    // Without any claim, only how to write evidence is shown.
    const none: RubricSet = {
      ...rubrics,
      dimensions: rubrics.dimensions.filter((d) => d.rubric.id !== "planning"),
    };
    const plain = template(none);
    expect(listed(plain)).toEqual([]);
    expect(plain).toContain("#   question-id: { answer: ..., evidence:");
    expect(plain).not.toContain("needs evidence");
  });

  it("parse and audit as they stand, and so does the template with the examples uncommented", async () => {
    const rubrics = await builtinRubrics();
    const text = template(rubrics);
    expect(parsePlan(text, "plan.yaml", rubrics).plan.organization).toBe("Acme");

    // Uncomment the respondent and the example answer (moved under answers:), as a person would.
    const respondent = /^# (respondent: .+?)\s+# .+$/m.exec(text)?.[1];
    expect(respondent).toBe("respondent: { name: Your Name, role: Owner }");
    const example = /^# {7}(crisis-plan: \{ answer: .+\})$/m.exec(text)?.[1];
    expect(example).toBeDefined();
    const filled = text
      .replace(/^date: .+$/m, (line) => `${line}\n${respondent ?? ""}`)
      .replace(/^ {4}crisis-plan:$/m, `    ${example ?? ""}`);
    const { plan } = parsePlan(filled, "plan.yaml", rubrics, { today: "2026-11-23" });
    expect(plan.respondent).toEqual({ name: "Your Name", role: "Owner" });
    expect(plan.answers.get("planning")?.get("crisis-plan")).toBe("rehearsed");
    expect(plan.meta?.get("planning")?.get("crisis-plan")).toEqual({
      evidence: "https://example.org/where-to-find-it",
      asOf: "2026-11-23",
      by: "Your Name",
    });
    const report = buildReport({ rubrics, plan, toolVersion: "0.0.0" });
    expect(report.unsupported).toEqual([]);
    const unbacked = text.replace(/^ {4}crisis-plan:$/m, "    crisis-plan: rehearsed");
    const claimed = buildReport({
      rubrics,
      plan: parsePlan(unbacked, "plan.yaml", rubrics).plan,
      toolVersion: "0.0.0",
    });
    expect(claimed.unsupported?.map((u) => u.question)).toEqual(["crisis-plan"]);
  });
});

import { describe, expect, it } from "vitest";
import type { Answer, Question } from "../../src/core/kinds/index.js";
import { buildReport } from "../../src/core/report.js";
import type { Report } from "../../src/core/report-schema.js";
import type { RubricSet } from "../../src/core/rubric.js";
import { UserError } from "../../src/errors.js";
import { parsePlan } from "../../src/io/load-plan.js";
import { PlanDocument } from "../../src/interview/plan-document.js";
import { readDraft } from "../../src/interview/read-draft.js";
import type { Draft, Entry } from "../../src/interview/types.js";
import { summaryLines } from "../../src/interview/summary.js";
import { planTemplate } from "../../src/render/plan-template.js";
import { builtinRubrics } from "../helpers.js";
import { loadRubrics } from "../../src/io/load-rubrics.js";
import { fixture } from "../helpers.js";

const teamRubrics = async () =>
  (await loadRubrics({ paths: [fixture("interview", "rubrics")] })).rubrics;

/** A valid answer for any question: the last choice, the first option, the top of the range. */
function someAnswer(q: Question): Answer {
  switch (q.kind) {
    case "choice":
      return q.choices.at(-1)?.value ?? "";
    case "multi":
      return q.options.slice(0, 2).map((o) => o.value);
    case "boolean":
      return true;
    case "scale":
      return q.max;
    case "number":
      return q.min;
    case "text":
      return "Notes: we post on Fridays";
  }
}

function filled(rubrics: RubricSet, entryFor: (q: Question, i: number) => Entry): Draft {
  return {
    organization: "Acme Ltd",
    date: "2026-11-23",
    auditor: "Sam",
    profile: { size: "micro", regulated: false },
    entries: new Map(
      rubrics.dimensions.map(({ rubric }) => [
        rubric.id,
        new Map(rubric.questions.map((q, i) => [q.id, entryFor(q, i)])),
      ]),
    ),
  };
}

describe("saving into the plan file", () => {
  it("keeps every comment, blank line and key of the init template, only filling in answers", async () => {
    const rubrics = await builtinRubrics();
    const template = planTemplate(rubrics, {
      organization: "Acme Ltd",
      date: "2026-11-23",
      schemaRef: "./plan.schema.json",
    });
    const draft = filled(rubrics, (q, i) =>
      i === 1 ? { type: "skipped" } : { type: "answer", value: someAnswer(q) },
    );
    const saved = new PlanDocument(template).apply(draft, rubrics).toString();

    const before = template.split("\n");
    const after = saved.split("\n");
    // Added lines: the auditor and the profile; everything else is the template's own line,
    // the same or with its answer filled in.
    const added = after.filter(
      (line) => !before.some((b) => line === b || (b.trim() !== "" && line.startsWith(`${b} `))),
    );
    expect(added).toEqual(["auditor: Sam", "profile:", "  size: micro", "  regulated: false"]);
    let at = 0;
    for (const line of before) {
      while (at < after.length && added.includes(after[at] ?? "")) at++;
      const now = after[at++] ?? "";
      if (/^ {4}[a-z][a-z0-9-]*:$/.test(line)) expect(now.startsWith(`${line} `)).toBe(true);
      else expect(now).toBe(line);
    }
    expect(saved).toContain("    offline-connected: [handles-on-print, events-followed-up]\n");
    expect(saved).toMatch(/\n {4}steady-rhythm: # skipped\n/);
    expect(saved.indexOf("auditor: Sam")).toBeLessThan(saved.indexOf("answers:"));

    // `audit` reads the same answers back, and so does a resumed interview.
    const plan = parsePlan(saved, "plan.yaml", rubrics).plan;
    expect(plan.answers.get("presence")?.get("named-people")).toBe("named-people");
    expect(plan.answers.get("presence")?.has("steady-rhythm")).toBe(false);
    expect(plan.profile).toEqual({ size: "micro", regulated: false });
    expect(readDraft(saved, "plan.yaml", rubrics)).toEqual(draft);
  });

  it("writes n/a and reads it back only where the rubric allows it", async () => {
    const rubrics = await teamRubrics();
    const draft: Draft = {
      organization: "Acme",
      entries: new Map([
        [
          "teams",
          new Map<string, Entry>([
            ["departments-involved", { type: "not-applicable" }],
            ["weekly-hours", { type: "answer", value: 4 }],
          ]),
        ],
      ]),
    };
    const saved = new PlanDocument(undefined, ["Written by a test"])
      .apply(draft, rubrics)
      .toString();
    expect(saved).toBe(
      "# Written by a test\n\norganization: Acme\nanswers:\n  teams:\n    departments-involved: n/a\n    weekly-hours: 4\n",
    );
    expect(readDraft(saved, "plan.yaml", rubrics)).toEqual(draft);
    const wrong = saved.replace("weekly-hours: 4", "weekly-hours: n/a");
    expect(() => readDraft(wrong, "plan.yaml", rubrics)).toThrow(UserError);
  });

  it("puts a new answer among the others in rubric order and keeps a person's own comments", async () => {
    const rubrics = await builtinRubrics();
    const text = [
      "organization: Acme # the client",
      "answers:",
      "  presence:",
      "    named-people: logo-only # as of March",
      "    response-time: 3",
      "",
    ].join("\n");
    const draft = readDraft(text, "plan.yaml", rubrics);
    const entries = new Map(draft.entries);
    entries.set(
      "presence",
      new Map([
        ...(draft.entries.get("presence") ?? []),
        ["genuine-tone", { type: "answer", value: 4 }],
        ["named-people", { type: "answer", value: "some-named" }],
      ]),
    );
    const saved = new PlanDocument(text).apply({ ...draft, entries }, rubrics).toString();
    expect(saved).toBe(
      [
        "organization: Acme # the client",
        "answers:",
        "  presence:",
        "    named-people: some-named # as of March",
        "    genuine-tone: 4",
        "    response-time: 3",
        "",
      ].join("\n"),
    );
  });
});

describe("answers with evidence and the respondent, on resume", () => {
  // Flow maps as the yaml library writes them (`{a: 1}`): a padded `{ a: 1 }` is read the
  // same and saved unpadded, as flow lists are.
  const text = [
    "organization: Acme",
    "respondent: {name: Ana Silva, role: Owner}",
    "date: 2026-11-01",
    "answers:",
    "  commitment:",
    "    written-plan: {answer: true, evidence: https://intranet.example/plan.pdf, asOf: 2026-10-20, by: Margaret Osei}",
    "    account-access:",
    "      answer: handover-ready # checked in October",
    "      evidence: Password manager audit log",
    "      asOf: 2026-10-31",
    "    departments-involved: {answer: n/a, evidence: We are one team of four, by: Ana Silva}",
    "",
  ].join("\n");

  it("reads evidence, dates, authors and the respondent, and writes them back untouched", async () => {
    const rubrics = await builtinRubrics();
    const draft = readDraft(text, "plan.yaml", rubrics);
    expect(draft.respondent).toEqual({ name: "Ana Silva", role: "Owner" });
    const commitment = draft.entries.get("commitment");
    expect(commitment?.get("written-plan")).toEqual({
      type: "answer",
      value: true,
      meta: {
        evidence: "https://intranet.example/plan.pdf",
        asOf: "2026-10-20",
        by: "Margaret Osei",
      },
    });
    expect(commitment?.get("account-access")).toEqual({
      type: "answer",
      value: "handover-ready",
      meta: { evidence: "Password manager audit log", asOf: "2026-10-31" },
    });
    expect(commitment?.get("departments-involved")).toEqual({
      type: "not-applicable",
      meta: { evidence: "We are one team of four", by: "Ana Silva" },
    });
    // Every save writes the whole draft: object answers stay objects, byte for byte.
    expect(new PlanDocument(text).apply(draft, rubrics).toString()).toBe(text);

    // A new answer goes in among them; the others are left as they were.
    const entries = new Map(draft.entries);
    entries.set(
      "commitment",
      new Map([...(commitment ?? []), ["training", { type: "answer", value: "none" }]]),
    );
    const added = new PlanDocument(text).apply({ ...draft, entries }, rubrics).toString();
    expect(added).toBe(
      text.replace("    departments-involved:", "    training: none\n    departments-involved:"),
    );
    const reread = readDraft(added, "plan.yaml", rubrics);
    expect(reread.entries.get("commitment")?.get("written-plan")).toEqual(
      commitment?.get("written-plan"),
    );
    expect(parsePlan(added, "plan.yaml", rubrics).plan.meta?.get("commitment")?.size).toBe(3);
  });

  it("updates an object answer in place, and writes a plain one when its evidence goes", async () => {
    const rubrics = await builtinRubrics();
    const draft = readDraft(text, "plan.yaml", rubrics);
    const entries = new Map(draft.entries);
    entries.set(
      "commitment",
      new Map<string, Entry>([
        ...(draft.entries.get("commitment") ?? []),
        [
          "written-plan",
          {
            type: "answer",
            value: true,
            meta: { evidence: "Minutes, May review", asOf: "2026-11-23", by: "Cy" },
          },
        ],
        ["account-access", { type: "answer", value: "two-admins" }],
      ]),
    );
    const saved = new PlanDocument(text)
      .apply({ ...draft, respondent: { name: "Cy" }, entries }, rubrics)
      .toString();
    expect(saved).toBe(
      [
        "organization: Acme",
        "respondent:",
        "  name: Cy",
        "date: 2026-11-01",
        "answers:",
        "  commitment:",
        '    written-plan: {answer: true, evidence: "Minutes, May review", asOf: 2026-11-23, by: Cy}',
        "    account-access: two-admins",
        "    departments-involved: {answer: n/a, evidence: We are one team of four, by: Ana Silva}",
        "",
      ].join("\n"),
    );
    // A padded flow map, as people write it, is read the same way.
    const padded = text.replace(
      "{name: Ana Silva, role: Owner}",
      "{ name: Ana Silva, role: Owner }",
    );
    expect(readDraft(padded, "plan.yaml", rubrics)).toEqual(draft);
  });

  it("writes a new answer with evidence as a block, and the respondent after the name", async () => {
    const rubrics = await builtinRubrics();
    const draft: Draft = {
      organization: "Acme",
      respondent: { name: "Ana Silva", role: "Owner" },
      date: "2026-11-23",
      entries: new Map([
        [
          "commitment",
          new Map<string, Entry>([
            [
              "written-plan",
              {
                type: "answer",
                value: true,
                meta: { evidence: "https://x.example/a#b: c", asOf: "2026-11-23", by: "Ana Silva" },
              },
            ],
          ]),
        ],
      ]),
    };
    const saved = new PlanDocument(undefined).apply(draft, rubrics).toString();
    expect(saved).toBe(
      [
        "organization: Acme",
        "respondent:",
        "  name: Ana Silva",
        "  role: Owner",
        "date: 2026-11-23",
        "answers:",
        "  commitment:",
        "    written-plan:",
        "      answer: true",
        '      evidence: "https://x.example/a#b: c"',
        "      asOf: 2026-11-23",
        "      by: Ana Silva",
        "",
      ].join("\n"),
    );
    expect(readDraft(saved, "plan.yaml", rubrics)).toEqual(draft);
    const { plan } = parsePlan(saved, "plan.yaml", rubrics);
    expect(plan.meta?.get("commitment")?.get("written-plan")?.evidence).toBe(
      "https://x.example/a#b: c",
    );
  });
});

function reportWith(rubrics: RubricSet, extra: (report: Report) => Report = (r) => r): Report {
  return extra(
    buildReport({
      rubrics,
      plan: {
        organization: "Acme",
        answers: new Map([["presence", new Map<string, Answer>([["named-people", "logo-only"]])]]),
      },
      toolVersion: "0.0.0",
    }),
  );
}

describe("the summary screen", () => {
  it("scores only the dimensions interviewed, and says the rest were not assessed", async () => {
    const rubrics = await builtinRubrics();
    const lines = summaryLines({
      report: reportWith(rubrics),
      dimensions: ["presence"],
      file: "clients/acme.yaml",
      width: 120,
      color: false,
    });
    const text = lines.join("\n");
    expect(text).toContain("Interview complete: Acme");
    expect(text).toMatch(/ {2}Presence\s+\d+\.\d {2}\w/);
    expect(text).not.toMatch(/^ {2}Planning\s+\d/m);
    expect(text).not.toContain("Overall");
    expect(text).toContain("Not assessed in this interview: Planning, Commitment, Relationships.");
    expect(text).toContain("Fix first\n  None: no answer marks a critical finding.");
    expect(text).toContain("Saved to clients/acme.yaml");
    expect(text).toContain(
      "social-audit audit clients/acme.yaml --dimension presence --format markdown -o clients/acme-report.md",
    );
    expect(text).toContain("--format html -o clients/acme-report.html");
  });

  it("with a respondent, says how to merge everyone's plans", async () => {
    const rubrics = await builtinRubrics();
    const summary = (file: string, respondent?: string) =>
      summaryLines({
        report: reportWith(rubrics),
        dimensions: [],
        file,
        width: 120,
        color: false,
        respondent,
      }).join("\n");
    expect(summary("social-plan.yaml")).not.toContain("--merge");
    expect(summary("social-plan.ana-silva.yaml", "Ana Silva")).toContain(
      "Answered by Ana Silva. When the others have answered too, one report from everyone's plans:\n  social-audit audit --merge social-plan.*.yaml\n",
    );
    expect(summary("clients/acme/social-plan.bo.yaml", "Bo")).toContain(
      "social-audit audit --merge clients/acme/social-plan.*.yaml",
    );
    expect(summary("clients/ana.yaml", "Ana")).toContain(
      "social-audit audit --merge clients/ana.yaml OTHER-PLANS...",
    );
  });

  it("lists critical recommendations under Fix first, skips dimensions marked not assessed, and fits the width", async () => {
    const rubrics = await builtinRubrics();
    const report = reportWith(rubrics, (r) => ({
      ...r,
      dimensions: r.dimensions.map((d) => (d.id === "planning" ? { ...d, assessed: false } : d)),
      recommendations: r.recommendations.map((rec) => ({
        ...rec,
        critical: rec.question === "named-people" || rec.dimension === "planning",
      })),
    }));
    const critical = report.recommendations.find((rec) => rec.question === "named-people");
    const lines = summaryLines({
      report,
      dimensions: [],
      file: "my plan.yaml",
      width: 60,
      color: false,
    });
    const text = lines.join("\n");
    expect(text).not.toMatch(/^ {2}Planning\s+\d/m);
    // Planning's critical items are left out with planning itself.
    expect(text).toContain(`Fix first\n  1. ${critical?.title ?? "?"} (Presence)\n\n`);
    expect(text).toContain("social-audit audit 'my plan.yaml' \\");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });
});

import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { fixture, runCli } from "../helpers.js";

const args = (...more: string[]) => [
  "audit",
  fixture("plans", "advice-care.yaml"),
  "--rubrics",
  fixture("rubrics", "advice"),
  "--dimension",
  "care",
  ...more,
];

describe("advice, caps and scope in every format", () => {
  it("json: critical first with its target, caps, n/a, not-assessed dimensions", async () => {
    const { code, stdout, stderr } = await runCli(args("--json"));
    expect(code).toBe(0);
    // An old id and an old value still audit, each with a deprecation line; no profile hint.
    expect(stderr).toMatch(
      /advice-care\.yaml:8:\d+: warning: answers\.care\.reply-speed: deprecated question id "reply-speed": now "response"/,
    );
    expect(stderr).toMatch(/deprecated value "slow": now "days"/);
    expect(stderr).not.toMatch(/profile/);
    const report = (JSON.parse(stdout) as { reports: unknown[] }).reports[0] as {
      overall: { score: number; level: { id: string }; cap: { because: string[] } | null };
      dimensions: {
        id: string;
        assessed: boolean;
        level: { id: string };
        cap: unknown;
        questions: { id: string; status: string; reason: string | null }[];
      }[];
      recommendations: {
        question: string;
        critical: boolean;
        current: string | null;
        target: { value: unknown };
        detail: string;
      }[];
      thresholds: { passed: boolean; checks: { dimension?: string; evaluated?: boolean }[] };
    };
    const care = report.dimensions.find((d) => d.id === "care");
    expect(care?.cap).toEqual({
      level: { id: "emerging", label: "Emerging" },
      because: ["response"],
    });
    expect(care?.questions.find((q) => q.id === "departments")).toMatchObject({
      status: "not-applicable",
    });
    expect(report.dimensions.filter((d) => !d.assessed).map((d) => d.id)).toEqual([
      "planning",
      "presence",
      "commitment",
      "relationships",
    ]);
    // Only care counts: response 0 of 2, thanks 0 of 1 (departments n/a).
    expect(report.overall.score).toBe(0);
    expect(report.overall.cap?.because).toEqual(["care"]);
    expect(report.recommendations[0]).toMatchObject({
      question: "response",
      critical: true,
      current: "Several days or more",
      target: { value: "day" },
      detail: "Check messages every morning and answer within the working day.",
    });
    expect(report.recommendations[1]).toMatchObject({
      question: "thanks",
      critical: false,
      current: "no",
      target: { value: true },
      detail: "Thank the next three people who praise you, by name.",
    });
    expect(report.thresholds.checks).toEqual([
      expect.objectContaining({ dimension: "presence", evaluated: false }),
    ]);
    expect(report.thresholds.passed).toBe(true);
  });

  it("table, markdown and html put the critical finding under Fix first", async () => {
    for (const format of ["table", "markdown", "html"]) {
      const { code, stdout } = await runCli(args("--format", format));
      expect(code, format).toBe(0);
      expect(stdout, format).toMatch(/Fix first/);
      expect(stdout, format).toMatch(/nobody is home/);
      expect(stdout, format).toMatch(/not assessed/);
      expect(stdout.indexOf("Fix first"), format).toBeLessThan(stdout.indexOf("Next steps"));
    }
  });

  it("sarif, github and junit show it too", async () => {
    const sarif = JSON.parse((await runCli(args("--format", "sarif"))).stdout) as {
      runs: { results: { level: string; message: { text: string } }[] }[];
    };
    const critical = sarif.runs[0]?.results.find((r) => r.message.text.startsWith("Fix first"));
    expect(critical?.level).toBe("error");
    const github = (await runCli(args("--format", "github"))).stdout;
    expect(github).toMatch(/^::error .*title=Fix first%3A Care%3A Answer within hours::/m);
    const junit = (await runCli(args("--format", "junit"))).stdout;
    const xml = new XMLParser({ ignoreAttributes: false }).parse(junit) as {
      testsuites: {
        testsuite: { "@_skipped": string; testcase: { "@_name": string; "system-out": string }[] };
      };
    };
    expect(xml.testsuites.testsuite["@_skipped"]).toBe("4");
    const careCase = xml.testsuites.testsuite.testcase.find((c) => c["@_name"] === "care");
    expect(careCase?.["system-out"]).toMatch(/Fix first: Answer within hours/);
  });

  it("refuses an unknown --dimension with a suggestion", async () => {
    const { code, stderr } = await runCli([
      "audit",
      fixture("plans", "advice-care.yaml"),
      "--rubrics",
      fixture("rubrics", "advice"),
      "--dimension",
      "cares",
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown dimension "cares" \(did you mean "care"\?\)/);
  });

  it("rubrics validate checks critical caps against the levels", async () => {
    const ok = await runCli(["rubrics", "validate", fixture("rubrics", "advice")]);
    expect(ok.code).toBe(0);
  });
});

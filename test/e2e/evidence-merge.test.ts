import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { example, runCli, tempDir } from "../helpers.js";

const respondents = ["client-service", "marketing", "owner"].map((n) =>
  example(`respondents/${n}.yaml`),
);

function planFile(text: string): string {
  const file = join(tempDir(), "plan.yaml");
  writeFileSync(file, text);
  return file;
}

const claims = `organization: Acme
date: 2026-01-10
answers:
  commitment:
    written-plan: { answer: true, evidence: https://intranet.example/plan.pdf, asOf: 2020-03-01, by: Ana }
    account-access: handover-ready
  planning:
    crisis-plan: rehearsed
`;

describe("evidence and freshness from the built CLI", () => {
  it("lists unsupported claims in JSON, located, and marks them in human formats", async () => {
    const file = planFile(claims);
    const json = await runCli(["audit", file, "--json"]);
    expect(json.code).toBe(0);
    const report = (JSON.parse(json.stdout) as { reports: unknown[] }).reports[0] as {
      unsupported: { question: string; location: { line: number } }[];
    };
    expect(report.unsupported.map((u) => [u.question, u.location.line])).toEqual(
      [
        ["crisis-plan", 8],
        ["account-access", 6],
      ]
        .sort((a, b) => (a[1] as number) - (b[1] as number))
        .reverse(),
    );
    for (const format of ["table", "markdown", "html"]) {
      const out = await runCli(["audit", file, "--format", format]);
      expect(out.stdout).toContain("Unsupported claims (2)");
    }
  });

  it("SARIF has a note and GitHub a notice at each unsupported claim's line", async () => {
    const file = planFile(claims);
    const sarif = await runCli(["audit", file, "--format", "sarif"]);
    const log = JSON.parse(sarif.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: { physicalLocation: { region: { startLine: number } } }[];
        }[];
      }[];
    };
    const [run] = log.runs;
    const notes = run?.results.filter((r) => r.ruleId.startsWith("evidence/")) ?? [];
    expect(
      notes.map((n) => [n.ruleId, n.level, n.locations[0]?.physicalLocation.region.startLine]),
    ).toEqual([
      ["evidence/planning/crisis-plan", "note", 8],
      ["evidence/commitment/account-access", "note", 6],
    ]);
    expect(notes[0]?.message.text).toMatch(
      /^Unsupported claim \(Planning\): .+\? Answered ".+", which needs evidence: /,
    );
    for (const n of notes)
      expect(run?.tool.driver.rules[n.ruleIndex]?.defaultConfiguration.level).toBe("note");
    // With --require-evidence the note says what the claim was scored as.
    const required = await runCli(["audit", file, "--format", "sarif", "--require-evidence"]);
    expect(required.stdout).toContain("(--require-evidence)");

    const github = await runCli(["audit", file, "--format", "github"]);
    const notices = github.stdout.split("\n").filter((l) => l.includes("title=Unsupported claim"));
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(
      /^::notice file=[^,]+,line=8,col=\d+,title=Unsupported claim%3A Planning::/,
    );
    expect(notices[1]).toMatch(
      /^::notice file=[^,]+,line=6,col=\d+,title=Unsupported claim%3A Commitment::/,
    );
  });

  it("--require-evidence scores each claim lower and says what it was scored as", async () => {
    const file = planFile(claims);
    const plain = (
      JSON.parse((await runCli(["audit", file, "--json"])).stdout) as { reports: unknown[] }
    ).reports[0] as {
      overall: { score: number };
    };
    const required = await runCli(["audit", file, "--json", "--require-evidence"]);
    const report = (JSON.parse(required.stdout) as { reports: unknown[] }).reports[0] as {
      overall: { score: number };
      unsupported: { scoredAs: { value: unknown } }[];
    };
    expect(report.overall.score).toBeLessThan(plain.overall.score);
    expect(report.unsupported.map((u) => u.scoredAs.value)).toEqual(["written", "two-admins"]);
    const table = await runCli(["audit", file, "--require-evidence", "-f", "markdown"]);
    expect(table.stdout).toContain('scored as "A written crisis plan exists"');
    expect(table.stdout).toContain("--require-evidence");
  });

  it("--max-age lists stale answers; --fail-on-stale exits 1", async () => {
    const file = planFile(claims);
    const run = await runCli(["audit", file, "--json", "--max-age", "6m"]);
    expect(run.code).toBe(0);
    const report = (JSON.parse(run.stdout) as { reports: unknown[] }).reports[0] as {
      stale: { question: string; from: string }[];
    };
    expect(report.stale.map((s) => [s.question, s.from])).toEqual([
      ["crisis-plan", "plan"],
      ["written-plan", "answer"],
      ["account-access", "plan"],
    ]);
    const failing = await runCli(["audit", file, "--max-age", "180d", "--fail-on-stale"]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("Stale answers (3)");
    expect(failing.stderr).toContain("3 answers older than --max-age");
    const markdown = await runCli(["audit", file, "-f", "markdown", "--max-age", "180d"]);
    expect(markdown.stdout).toContain("# Stale answers (3)");
  });

  it("a future or malformed date is exit 2 at file:line:col; a bad duration is exit 2", async () => {
    const future = planFile(
      "organization: Acme\nanswers:\n  commitment:\n    written-plan: { answer: true, asOf: 2999-01-01 }\n",
    );
    const run = await runCli(["audit", future]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /plan\.yaml:4:41: answers\.commitment\.written-plan\.asOf: is in the future/,
    );
    const malformed = planFile(
      "organization: Acme\nanswers:\n  commitment:\n    written-plan: { answer: true, asOf: 2026-02-30 }\n",
    );
    expect((await runCli(["audit", malformed])).stderr).toMatch(
      /plan\.yaml:4:41: .*must be a date/,
    );
    const futurePlan = planFile("organization: Acme\ndate: 2999-01-01\nanswers: {}\n");
    expect((await runCli(["audit", futurePlan])).code).toBe(0);
    const checked = await runCli(["audit", futurePlan, "--max-age", "30d"]);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toMatch(/plan\.yaml:2:7: date: is in the future/);
    const bad = await runCli(["audit", futurePlan, "--max-age", "soon"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--max-age takes a duration");
    const alone = await runCli(["audit", futurePlan, "--fail-on-stale"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--fail-on-stale needs --max-age");
  });
});

describe("audit --merge from the built CLI", () => {
  it("one report with respondents, disagreements and confidence", async () => {
    const run = await runCli(["audit", "--merge", ...respondents, "--json"]);
    expect(run.code).toBe(0);
    const report = (JSON.parse(run.stdout) as { reports: unknown[] }).reports[0] as {
      respondents: { name: string }[];
      disagreements: { question: string; answers: { name: string }[] }[];
      confidence: Record<string, number>;
      dimensions: {
        id: string;
        questions: { id: string; answer: unknown; respondents?: unknown[] }[];
      }[];
    };
    expect(report.respondents.map((r) => r.name)).toEqual([
      "Tomasz Nowak",
      "Priya Shah",
      "Margaret Osei",
    ]);
    expect(report.disagreements.map((d) => d.question)).toEqual([
      "questions-answered",
      "response-time",
      "account-access",
    ]);
    expect(Object.keys(report.confidence)).toEqual([
      "planning",
      "presence",
      "commitment",
      "relationships",
    ]);
    const access = report.dimensions
      .find((d) => d.id === "commitment")
      ?.questions.find((q) => q.id === "account-access");
    expect(access?.answer).toBe("two-admins");
    expect(access?.respondents).toHaveLength(3);
  });

  it("human formats show disagreements as 'settle this first'", async () => {
    for (const format of ["table", "markdown", "html"]) {
      const run = await runCli(["audit", "--merge", ...respondents, "--format", format]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Settle this first (3)");
      expect(run.stdout).toContain("Margaret Osei");
    }
  });

  it("a plan of another organisation is exit 2, pointing at its organization line", async () => {
    const other = planFile("organization: Someone Else\nanswers: {}\n");
    const run = await runCli(["audit", "--merge", respondents[0] ?? "", other]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/plan\.yaml:1:15: .*organization is "Someone Else"/);
    expect(run.stdout).toBe("");
  });
});

import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import AjvDraft04Module from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { auditPlanText } from "../../src/audit/index.js";
import { planError } from "../../src/core/envelope.js";
import type { Report } from "../../src/core/report-schema.js";
import { ANNOTATIONS_PER_KIND, githubRenderer } from "../../src/render/github.js";
import { junitRenderer } from "../../src/render/junit.js";
import {
  GITHUB_RESULTS_PER_RUN,
  artifactUri,
  listedCount,
  sarifRenderer,
} from "../../src/render/sarif.js";
import type { RenderOptions } from "../../src/render/types.js";
import { builtinRubrics, example, fixture, tempDir } from "../helpers.js";

const require = createRequire(import.meta.url);
const EXAMPLES = ["bakery.yaml", "bike-shop.yaml", "accounting-firm.yaml", "b2b-living.yaml"];
const texts = EXAMPLES.map((name) => readFileSync(example(name), "utf8"));

/**
 * n reports from the examples, under paths a URI must encode (`#`, `?`, spaces, non-ASCII),
 * every other one gated so both failing and passing plans are covered.
 */
async function reports(n: number, source = (i: number) => `plans/team ${i} #a?é/plan.yaml`) {
  const rubrics = await builtinRubrics();
  return Array.from({ length: n }, (_, i) =>
    auditPlanText(
      { source: source(i), display: source(i), text: texts[i % texts.length] ?? "" },
      rubrics,
      {
        toolVersion: "0.0.0-test",
        strict: false,
        thresholds:
          i % 2 === 0 ? { overall: 60, dimensions: { presence: 70 } } : { dimensions: {} },
        planThresholds: true,
      },
    ),
  );
}

const options = (top: number): RenderOptions => ({ color: false, top, width: 80 });
const SIZES = [1, 3, 60];

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands, read back as the Actions runner reads them (ActionCommand.TryParseV2
// and its unescaping), so the test is the consumer, not a regex over our own output.

interface Annotation {
  kind: string;
  properties: Record<string, string>;
  message: string;
}

const unescapeData = (s: string) =>
  s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
const unescapeProperty = (s: string) =>
  s
    .replace(/%0D/g, "\r")
    .replace(/%0A/g, "\n")
    .replace(/%3A/g, ":")
    .replace(/%2C/g, ",")
    .replace(/%25/g, "%");

function parseCommand(line: string): Annotation | null {
  if (!line.startsWith("::")) return null;
  const end = line.indexOf("::", 2);
  if (end < 0) return null;
  const info = line.slice(2, end);
  const space = info.indexOf(" ");
  const kind = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(",")) {
      const eq = pair.indexOf("=");
      if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { kind, properties, message: unescapeData(line.slice(end + 2)) };
}

function annotationsOf(output: string): Annotation[] {
  const lines = output.split("\n").filter((l) => l !== "");
  const parsed = lines.map(parseCommand);
  expect(parsed.every((p) => p !== null)).toBe(true);
  return parsed as Annotation[];
}

/** Splits a batch's annotations into each plan's, which end with the plan's closing notice. */
function perPlan(annotations: Annotation[]): Annotation[][] {
  const plans: Annotation[][] = [[]];
  for (const a of annotations) {
    plans.at(-1)?.push(a);
    if (a.kind === "notice" && a.properties.title?.startsWith("social-audit: ")) plans.push([]);
  }
  return plans.slice(0, -1);
}

describe("github annotations", () => {
  it.each(SIZES)(
    "for %i plan(s): failed gates, the top 3, then one closing notice each",
    async (n) => {
      const rs = await reports(n);
      const out =
        n === 1
          ? githubRenderer.report(rs[0] as Report, options(githubRenderer.defaultTop ?? 0))
          : githubRenderer.batch(rs, options(githubRenderer.defaultTop ?? 0));
      expect(githubRenderer.defaultTop).toBe(3);
      const plans = perPlan(annotationsOf(out));
      expect(plans).toHaveLength(n);
      plans.forEach((annotations, i) => {
        const report = rs[i] as Report;
        const failed = report.thresholds.checks.filter((c) => !c.passed);
        // Critical findings ("Fix first") are always annotated, as errors; --top fills the rest.
        const critical = report.recommendations.filter((r) => r.critical === true);
        const rest = report.recommendations.filter((r) => r.critical !== true);
        const chosen = [...critical, ...rest.slice(0, Math.max(0, 3 - critical.length))];
        const kinds = annotations.map((a) => a.kind);
        expect(kinds.filter((k) => k === "error")).toHaveLength(failed.length + critical.length);
        // Gates first, the closing notice last, the chosen recommendations between.
        expect(kinds.slice(0, failed.length).every((k) => k === "error")).toBe(true);
        const between = annotations.slice(failed.length, -1);
        const isClaim = (a: Annotation) => a.properties.title?.startsWith("Unsupported claim: ");
        const recommendations = between.filter((a) => !isClaim(a));
        // Then a notice at each claim given without evidence (the examples have up to three).
        const claims = between.filter(isClaim);
        expect(between).toEqual([...recommendations, ...claims]);
        expect(claims.map((a) => [a.kind, Number(a.properties.line)])).toEqual(
          (report.unsupported ?? []).map((u) => ["notice", u.location?.line]),
        );
        for (const a of claims) expect(a.message).toMatch(/\? Answered ".+", a claim to back up: /);
        expect(recommendations.map((a) => a.properties.title)).toEqual(
          chosen.map(
            (r) =>
              `${r.critical === true ? "Fix first: " : ""}${report.dimensions.find((d) => d.id === r.dimension)?.title}: ${r.title}`,
          ),
        );
        for (const a of recommendations) {
          expect(a.properties.file).toBe(report.source.plan);
          expect(Number(a.properties.line)).toBeGreaterThan(0);
        }
        // A gated plan's other recommendations are warnings (how to pass); a passing plan's are notices.
        const others = recommendations.slice(critical.length);
        if (others.length > 0)
          expect(new Set(others.map((a) => a.kind))).toEqual(
            new Set([failed.length > 0 ? "warning" : "notice"]),
          );
        const closing = annotations.at(-1);
        expect(closing?.message).toContain(`Overall ${report.overall.score.toFixed(1)}/100`);
        expect(closing?.message).toContain(
          `${chosen.length} of ${report.recommendations.length} recommendations annotated, ${report.recommendations.length - chosen.length} more left out`,
        );
        for (const kind of ["error", "warning", "notice"])
          expect(kinds.filter((k) => k === kind).length).toBeLessThanOrEqual(ANNOTATIONS_PER_KIND);
      });
    },
  );

  it("never passes 10 of a kind per plan, however large --top is", async () => {
    const rs = await reports(2);
    const plans = perPlan(annotationsOf(githubRenderer.batch(rs, options(1000))));
    for (const [i, annotations] of plans.entries()) {
      const report = rs[i] as Report;
      const counts = { error: 0, warning: 0, notice: 0 } as Record<string, number>;
      for (const a of annotations) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
      expect(Math.max(...Object.values(counts))).toBe(ANNOTATIONS_PER_KIND);
      // Everything but the gates and the closing notice is a recommendation.
      const gates = annotations.filter((a) => a.properties.title === "social-audit threshold");
      const shown = annotations.length - 1 - gates.length;
      expect(annotations.at(-1)?.message).toContain(
        `${shown} of ${report.recommendations.length} recommendations annotated, ${report.recommendations.length - shown} more left out`,
      );
    }
  });

  it("unsupported claims take the notices the recommendations leave, and the closing notice counts the rest", async () => {
    const [report] = (await reports(1, () => "p.yaml")) as [Report];
    expect(report.thresholds.checks.some((c) => !c.passed)).toBe(true);
    const claim = (i: number) => ({
      dimension: "commitment",
      question: `claim-${i}`,
      claimed: `claim ${i}`,
      location: { line: 100 + i, column: 5 },
    });
    // A passing plan: its recommendations are notices too, so they share the budget.
    const passing = {
      ...report,
      thresholds: { passed: true, checks: [] },
      recommendations: report.recommendations.map((r) => ({ ...r, critical: false })),
      unsupported: Array.from({ length: 12 }, (_, i) => claim(i)),
    };
    for (const top of [3, 6, 9]) {
      const annotations = annotationsOf(githubRenderer.report(passing, options(top)));
      const notices = annotations.filter((a) => a.kind === "notice");
      expect(notices).toHaveLength(ANNOTATIONS_PER_KIND);
      const claims = notices.filter((a) => a.properties.title?.startsWith("Unsupported claim"));
      // Recommendations first (--top of them), claims in what is left, the closing notice last.
      expect(claims).toHaveLength(ANNOTATIONS_PER_KIND - 1 - top);
      expect(claims.map((a) => a.properties.line)).toEqual(
        Array.from({ length: claims.length }, (_, i) => String(100 + i)),
      );
      expect(annotations.at(-1)?.message).toContain(
        `${claims.length} of 12 unsupported claims annotated`,
      );
    }
    // A gated plan's recommendations are warnings and errors: the claims have the notices.
    const gated = { ...report, unsupported: Array.from({ length: 12 }, (_, i) => claim(i)) };
    const annotations = annotationsOf(githubRenderer.report(gated, options(3)));
    const critical = report.recommendations.filter((r) => r.critical === true).length;
    expect(annotations.filter((a) => a.kind === "error")).toHaveLength(
      report.thresholds.checks.filter((c) => !c.passed).length + critical,
    );
    expect(
      annotations.filter((a) => a.properties.title?.startsWith("Unsupported claim")),
    ).toHaveLength(ANNOTATIONS_PER_KIND - 1);
    const scored = {
      ...gated,
      unsupported: [{ ...claim(0), scoredAs: { value: "written", text: "Written down" } }],
    };
    expect(annotationsOf(githubRenderer.report(scored, options(3))).at(-2)?.message).toBe(
      'claim-0 Answered "claim 0", a claim to back up: write it as { answer: ..., evidence: ... }. Scored as "Written down" (--require-evidence).',
    );
  });

  it("says nothing is left out when --top covers every recommendation", async () => {
    const [report] = (await reports(1, () => "p.yaml")) as [Report];
    const few = { ...report, recommendations: report.recommendations.slice(0, 2) };
    const closing = annotationsOf(githubRenderer.report(few, options(3))).at(-1);
    expect(closing?.message).not.toContain("left out");
  });

  it("caps failed gates at 10 errors, the last one naming the rest", async () => {
    const [report] = (await reports(1, () => "p.yaml")) as [Report];
    const check = {
      ...report.thresholds.checks[0],
      passed: false,
    } as Report["thresholds"]["checks"][number];
    const many = {
      ...report,
      thresholds: { passed: false, checks: Array.from({ length: 14 }, () => check) },
    };
    const errors = annotationsOf(githubRenderer.report(many, options(3))).filter(
      (a) => a.kind === "error",
    );
    expect(errors).toHaveLength(ANNOTATIONS_PER_KIND);
    expect(errors.at(-1)?.message).toContain("5 more thresholds failed");
  });

  it("escapes values and properties so the runner reads back exactly what was meant", async () => {
    const [report] = (await reports(1, () => "odd, dir: 100%/plan\nx.yaml")) as [Report];
    const org = "Acme: 50%, then\r\nmore ::warning::";
    const nasty = { ...report, organization: org };
    const out = githubRenderer.report(nasty, options(3));
    const lines = out.split("\n").filter(Boolean);
    const annotations = annotationsOf(out);
    expect(annotations).toHaveLength(lines.length);
    expect(annotations.filter((a) => a.kind === "error").length).toBeGreaterThan(0);
    for (const a of annotations) {
      if (a.properties.file) expect(a.properties.file).toBe("odd, dir: 100%/plan\nx.yaml");
    }
    expect(annotations.at(-1)?.properties.title).toBe(
      "social-audit: Acme: 50%, then\nmore ::warning::",
    );
    expect(annotations.find((a) => a.kind === "error")?.message).toContain(
      "Acme: 50%, then\nmore ::warning::",
    );
  });

  it("a plan from stdin has annotations without a file", async () => {
    const rs = await reports(1);
    const stdin = { ...(rs[0] as Report), source: { plan: null } };
    const annotations = annotationsOf(githubRenderer.report(stdin, options(3)));
    expect(
      annotations.every((a) => a.properties.file === undefined && a.properties.line === undefined),
    ).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// SARIF: the official 2.1.0 schema (shipped by @microsoft/jest-sarif) and GitHub's limits.

const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json") as object;
// The schema is draft-04, and its patterns predate ECMAScript's unicode regex mode.
const validateSarif = new AjvDraft04Module.default({
  strict: false,
  allErrors: true,
  validateFormats: false,
  unicodeRegExp: false,
}).compile(schema);

interface Sarif {
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number };
        };
      }[];
      partialFingerprints: Record<string, string>;
      properties: { organization: string };
    }[];
  }[];
}

/** What GitHub code scanning requires of an upload, asserted on the parsed log. */
function expectFitsGitHub(sarif: Sarif) {
  expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
  expect(sarif.runs.length).toBeGreaterThan(0);
  expect(sarif.runs.length).toBeLessThanOrEqual(20);
  for (const run of sarif.runs) {
    expect(run.results.length).toBeLessThanOrEqual(GITHUB_RESULTS_PER_RUN);
    expect(run.tool.driver.rules.length).toBeLessThanOrEqual(25000);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.locations.length).toBeGreaterThan(0);
      for (const { physicalLocation } of result.locations) {
        const { uri } = physicalLocation.artifactLocation;
        // A URI reference: only unreserved, reserved-in-place and percent escapes, nothing raw.
        expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/);
        expect(() => decodeURI(uri)).not.toThrow();
        expect(physicalLocation.region.startLine).toBeGreaterThan(0);
      }
      expect(Object.keys(result.partialFingerprints).length).toBeGreaterThan(0);
    }
  }
}

describe("sarif", () => {
  it.each(SIZES)(
    "for %i plan(s): one run, located results, valid and within GitHub's limits",
    async (n) => {
      const rs = await reports(n);
      const top = sarifRenderer.defaultTop ?? 0;
      const sarif = JSON.parse(
        n === 1
          ? sarifRenderer.report(rs[0] as Report, options(top))
          : sarifRenderer.batch(rs, options(top)),
      ) as Sarif;
      expectFitsGitHub(sarif);
      expect(sarif.runs).toHaveLength(1);
      const [run] = sarif.runs;
      // By default every recommendation, failed gate and unsupported claim is a result.
      const expected = rs.reduce(
        (sum, r) =>
          sum +
          r.recommendations.length +
          r.thresholds.checks.filter((c) => !c.passed).length +
          (r.unsupported?.length ?? 0),
        0,
      );
      expect(run?.results).toHaveLength(expected);
      // Each claim is a note at its answer's line, with a rule of its own.
      const notes = run?.results.filter((r) => r.level === "note") ?? [];
      expect(
        notes.map((r) => [r.ruleId, r.locations[0]?.physicalLocation.region.startLine]),
      ).toEqual(
        rs.flatMap((r) =>
          (r.unsupported ?? []).map((u) => [
            `evidence/${u.dimension}/${u.question}`,
            u.location?.line,
          ]),
        ),
      );
      if (n > 1) expect(notes.length).toBeGreaterThan(0);
      const uris = new Set(
        run?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri),
      );
      expect(uris.size).toBe(n);
      for (const uri of uris) {
        expect(uri).toMatch(/^plans\/team%20\d+%20%23a%3F%C3%A9\/plan\.yaml$/);
        expect(decodeURIComponent(uri ?? "")).toMatch(/^plans\/team \d+ #a\?é\/plan\.yaml$/);
      }
      // Stable alerts: one fingerprint per plan and rule, none shared.
      const prints = run?.results.map((r) => r.partialFingerprints["socialAudit/v1"]) ?? [];
      expect(new Set(prints).size).toBe(prints.length);
    },
  );

  it("applies --top to each plan and says how many were left out", async () => {
    const rs = await reports(3);
    const sarif = JSON.parse(sarifRenderer.batch(rs, options(2))) as Sarif;
    expectFitsGitHub(sarif);
    // Each plan's critical findings (errors) always, then warnings up to two in all.
    // --top counts recommendations: gates and unsupported claims (notes) are listed besides.
    const listed = (sarif.runs[0]?.results ?? []).filter(
      (r) => !r.ruleId.startsWith("threshold/") && !r.ruleId.startsWith("evidence/"),
    );
    expect(listed).toHaveLength(rs.reduce((n, r) => n + listedCount(r, 2), 0));
    expect(sarif.runs[0]?.results.filter((r) => r.level === "note")).toHaveLength(
      rs.reduce((n, r) => n + (r.unsupported?.length ?? 0), 0),
    );
    const critical = rs.reduce(
      (n, r) => n + r.recommendations.filter((x) => x.critical === true).length,
      0,
    );
    expect(listed.filter((r) => r.level === "error")).toHaveLength(critical);
    const left = rs.reduce((s, r) => s + r.recommendations.length - listedCount(r, 2), 0);
    expect(sarif.runs[0]?.invocations[0]?.toolExecutionNotifications[0]?.message.text).toBe(
      `${left} recommendations left out: each plan lists its top 2 (--top).`,
    );
  });

  it("keeps 300 plans within the 5,000 results GitHub stores per run, every gate included", async () => {
    const rs = await reports(300);
    const sarif = JSON.parse(sarifRenderer.batch(rs, options(Number.POSITIVE_INFINITY))) as Sarif;
    expectFitsGitHub(sarif);
    const [run] = sarif.runs;
    const gates = rs.reduce((s, r) => s + r.thresholds.checks.filter((c) => !c.passed).length, 0);
    expect(run?.results.filter((r) => r.ruleId.startsWith("threshold/"))).toHaveLength(gates);
    // Each plan gets the same share (or all it has, if fewer; its critical findings always),
    // so every plan is represented.
    const perUri = new Map<string, number>();
    const notesPerUri = new Map<string, number>();
    for (const x of run?.results ?? []) {
      const uri = x.locations[0]?.physicalLocation.artifactLocation.uri ?? "";
      if (x.ruleId.startsWith("evidence/")) notesPerUri.set(uri, (notesPerUri.get(uri) ?? 0) + 1);
      else if (!x.ruleId.startsWith("threshold/")) perUri.set(uri, (perUri.get(uri) ?? 0) + 1);
    }
    const listed = rs.map((r) => perUri.get(artifactUri(r.source.plan ?? "")) ?? 0);
    const share = Math.max(
      ...rs.map((r, i) => (listed[i] === r.recommendations.length ? 0 : (listed[i] ?? 0))),
    );
    expect(share).toBeGreaterThan(0);
    expect(listed).toEqual(rs.map((r) => listedCount(r, share)));
    // ... and the share is the largest that fits.
    const withOneMore = rs.reduce((s, r) => s + listedCount(r, share + 1), gates);
    expect(withOneMore).toBeGreaterThan(GITHUB_RESULTS_PER_RUN);
    // Unsupported claims (notes) only in the room the recommendations left, never beyond it.
    const room = GITHUB_RESULTS_PER_RUN - rs.reduce((s, r) => s + listedCount(r, share), gates);
    const notes = [...notesPerUri.values()].reduce((a, b) => a + b, 0);
    expect(notes).toBeLessThanOrEqual(room);
    expect(run?.invocations[0]?.toolExecutionNotifications[0]?.message.text).toMatch(
      /recommendations left out: each plan lists its top \d+ so the run stays within GitHub's 5000 results per run\./,
    );
  });

  it("lists unsupported claims as notes in the room recommendations leave, an equal share per plan", async () => {
    const [report] = (await reports(1, () => "p.yaml")) as [Report];
    const claims = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        dimension: "commitment",
        question: `claim-${i}`,
        claimed: `claim ${i}`,
        location: { line: 10 + i, column: 5 },
      }));
    // 150 plans with 40 claims each would need 6,000 notes; one more plan has 5.
    const many = Array.from({ length: 150 }, (_, i) => ({
      ...report,
      source: { plan: `plans/${i}.yaml` },
      unsupported: claims(40),
    }));
    const few = { ...report, source: { plan: "few.yaml" }, unsupported: claims(5) };
    const rs = [...many, few];
    const sarif = JSON.parse(sarifRenderer.batch(rs, options(3))) as Sarif;
    expectFitsGitHub(sarif);
    const [run] = sarif.runs;
    const gates = report.thresholds.checks.filter((c) => !c.passed).length;
    // Gates and recommendations first (critical ones always), as many as without the claims.
    const others = rs.length * (gates + listedCount(report, 3));
    expect(run?.results.filter((r) => r.level !== "note")).toHaveLength(others);
    const notesOf = (uri: string) =>
      run?.results.filter(
        (r) => r.level === "note" && r.locations[0]?.physicalLocation.artifactLocation.uri === uri,
      ).length;
    // An equal share each, the largest that fits: the small plan lists all of its claims.
    const room = GITHUB_RESULTS_PER_RUN - others;
    const share = Math.floor((room - 5) / 150);
    expect(share).toBeGreaterThan(5);
    expect(share).toBeLessThan(40);
    expect(notesOf("few.yaml")).toBe(5);
    for (const plan of many) expect(notesOf(plan.source.plan)).toBe(share);
    expect(run?.results.length).toBeLessThanOrEqual(GITHUB_RESULTS_PER_RUN);
    expect(run?.results.length).toBeGreaterThan(GITHUB_RESULTS_PER_RUN - 150);
    expect(run?.invocations[0]?.toolExecutionNotifications.at(-1)?.message.text).toBe(
      `${150 * (40 - share)} unsupported claims left out: each plan lists ${share} so the run stays within GitHub's ${GITHUB_RESULTS_PER_RUN} results per run (all are in --format json).`,
    );
  });

  it("names the tool's page as the driver's informationUri when the package has one", async () => {
    const [report] = (await reports(1)) as [Report];
    const page = "https://example.org/social-audit";
    const withPage = JSON.parse(
      sarifRenderer.report(report, { ...options(3), toolInformationUri: page }),
    ) as Sarif & { runs: { tool: { driver: { informationUri?: string } } }[] };
    expectFitsGitHub(withPage);
    expect(withPage.runs[0]?.tool.driver.informationUri).toBe(page);
    // Without one the field is left out, never filled with a guess.
    const without = JSON.parse(sarifRenderer.report(report, options(3))) as typeof withPage;
    expect(without.runs[0]?.tool.driver).not.toHaveProperty("informationUri");
  });

  it("a plan from stdin is reported at <stdin> with a region, so GitHub accepts it", async () => {
    const rs = await reports(1);
    const stdin = { ...(rs[0] as Report), source: { plan: null } };
    const sarif = JSON.parse(sarifRenderer.report(stdin, options(3))) as Sarif;
    expectFitsGitHub(sarif);
    for (const r of sarif.runs[0]?.results ?? []) {
      expect(r.locations[0]?.physicalLocation.artifactLocation.uri).toBe("%3Cstdin%3E");
      expect(decodeURIComponent("%3Cstdin%3E")).toBe("<stdin>");
    }
  });

  it("fingerprints stay the same when an answer moves to another line", async () => {
    const [report] = (await reports(1, () => "p.yaml")) as [Report];
    const moved = {
      ...report,
      recommendations: report.recommendations.map((r) => ({
        ...r,
        location: { line: 999, column: 3 },
      })),
    };
    const prints = (r: Report) =>
      (JSON.parse(sarifRenderer.report(r, options(100))) as Sarif).runs[0]?.results.map(
        (x) => x.partialFingerprints["socialAudit/v1"],
      );
    expect(prints(moved)).toEqual(prints(report));
  });

  it.each([
    ["examples/bike-shop.yaml", "examples/bike-shop.yaml"],
    ["plans/a #1?.yaml", "plans/a%20%231%3F.yaml"],
    ["plans/100% sure.yaml", "plans/100%25%20sure.yaml"],
    ["plans/café/ünïcode.yaml", "plans/caf%C3%A9/%C3%BCn%C3%AFcode.yaml"],
    ["plans\\windows\\plan.yaml", "plans/windows/plan.yaml"],
    ["a:b/plan.yaml", "a%3Ab/plan.yaml"],
    ["teams/r&d+ops@hq.yaml", "teams/r&d+ops@hq.yaml"],
    ["/home/ci/work/plan #2.yaml", "file:///home/ci/work/plan%20%232.yaml"],
    ["C:\\work\\plan.yaml", "file:///C:/work/plan.yaml"],
  ])("encodes %s as the URI reference %s", (path, uri) => {
    expect(artifactUri(path)).toBe(uri);
  });
});

// ---------------------------------------------------------------------------------------------
// JUnit: Jenkins' XSD (test/fixtures/schemas/junit-10.xsd) through xmllint.

const xmllint = spawnSync("xmllint", ["--version"]).status === 0;
const XSD = fixture("schemas", "junit-10.xsd");

function expectValidJunit(xml: string) {
  const file = join(tempDir(), "junit.xml");
  writeFileSync(file, xml);
  const run = spawnSync("xmllint", ["--noout", "--schema", XSD, file], { encoding: "utf8" });
  expect(run.stderr).toContain("validates");
  expect(run.status).toBe(0);
}

function testIds(xml: string): { suites: string[]; ids: string[] } {
  const suites = [...xml.matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1] ?? "");
  const ids = [...xml.matchAll(/<testcase name="([^"]*)" classname="([^"]*)"/g)].map(
    (m) => `${m[2]}::${m[1]}`,
  );
  return { suites, ids };
}

describe("junit", () => {
  if (!xmllint)
    console.warn(
      "xmllint is missing (apt-get install libxml2-utils): JUnit XSD validation skipped",
    );

  it.skipIf(!xmllint).each(SIZES)(
    "for %i plan(s): valid against Jenkins' XSD, one suite per plan named by its file",
    async (n) => {
      const rs = await reports(n, (i) => `plans/team-${i}.yaml`);
      const xml =
        n === 1
          ? junitRenderer.report(rs[0] as Report, options(5))
          : junitRenderer.batch(rs, options(5));
      expectValidJunit(xml);
      const { suites, ids } = testIds(xml);
      expect(suites).toEqual(rs.map((r) => r.source.plan));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(n * 5);
    },
  );

  it.skipIf(!xmllint)(
    "keeps test ids unique when two plans share a name, or one comes from stdin",
    async () => {
      const rs = await reports(4, (i) => ["a.yaml", "a.yml", "a.yaml", "x.yaml"][i] ?? "");
      const stdin = { ...(rs[3] as Report), source: { plan: null } };
      const xml = junitRenderer.batch([...rs.slice(0, 3), stdin], options(5));
      expectValidJunit(xml);
      const { suites, ids } = testIds(xml);
      expect(suites).toEqual(["a.yaml", "a.yml", "a.yaml", "&lt;stdin&gt;"]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => id.endsWith("::overall"))).toEqual([
        "a::overall",
        "a (2)::overall",
        "a (3)::overall",
        "stdin::overall",
      ]);
    },
  );
});

describe("an invalid plan in annotation formats: each problem at its own line", () => {
  const problem = (i: number) => ({
    line: i + 2,
    column: 3,
    path: `answers.presence.q${i}`,
    message: `problem ${i}`,
  });
  const invalid = (count: number) =>
    planError(
      "plans/bad.yaml",
      "invalid plan",
      Array.from({ length: count }, (_, i) => problem(i)),
    );

  it("github: an ::error per problem, at its line and column", () => {
    const errors = annotationsOf(githubRenderer.batch([], options(3), [invalid(3)])).filter(
      (a) => a.kind === "error",
    );
    expect(errors.map((a) => [a.properties.line, a.properties.col, a.message])).toEqual([
      ["2", "3", "plans/bad.yaml: answers.presence.q0: problem 0"],
      ["3", "3", "plans/bad.yaml: answers.presence.q1: problem 1"],
      ["4", "3", "plans/bad.yaml: answers.presence.q2: problem 2"],
    ]);
  });

  it("github: at most as many as GitHub shows of a kind, the last saying how many more", () => {
    const errors = annotationsOf(githubRenderer.batch([], options(3), [invalid(13)]));
    expect(errors).toHaveLength(ANNOTATIONS_PER_KIND);
    expect(errors.at(-1)?.message).toBe(
      `plans/bad.yaml: answers.presence.q9: problem 9 (and ${13 - ANNOTATIONS_PER_KIND} more problems)`,
    );
    expect(
      annotationsOf(githubRenderer.batch([], options(3), [invalid(11)])).at(-1)?.message,
    ).toMatch(/\(and 1 more problem\)$/);
  });

  it("sarif: a result per problem, each with its own region and fingerprint", () => {
    const sarif = JSON.parse(sarifRenderer.batch([], options(3), [invalid(12)])) as {
      runs: {
        results: {
          message: { text: string };
          locations: { physicalLocation: { region: { startLine: number } } }[];
          partialFingerprints: Record<string, string>;
        }[];
      }[];
    };
    const results = sarif.runs[0]?.results ?? [];
    expect(results.map((r) => r.locations[0]?.physicalLocation.region.startLine)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 2),
    );
    expect(new Set(results.map((r) => r.partialFingerprints["socialAudit/v1"])).size).toBe(10);
    expect(results.at(-1)?.message.text).toMatch(/problem 9 \(and 2 more problems\)$/);
  });
});

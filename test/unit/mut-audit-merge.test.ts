import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { NO_PROFILE_HINT, type AuditSettings } from "../../src/audit/audit-plan.js";
import { auditMerged } from "../../src/audit/merge.js";
import { readPlanText } from "../../src/audit/plan-text.js";
import { UsageError, UserError } from "../../src/errors.js";
import { tempDir } from "../helpers.js";
import { choice, rubric, rubricSet } from "./builders.js";

/*
 * `audit --merge` (audit/merge.ts) and reading a plan's text (plan-text.ts), on a hand-made
 * rubric: which settings reach each plan's validation, how respondents are named and
 * sourced, when the missing-profile hint is given, and how a plan of another organisation
 * is refused, field by field.
 */

const rubrics = rubricSet(rubric("d", [choice("q1", 1), choice("q2", 1)]));
const base: AuditSettings = { toolVersion: "9.9.9", strict: false, thresholds: {} };
const PROFILE = "profile: { size: micro }\n";
const ANSWERS = "answers:\n  d:\n    q1: all\n    q2: some\n";

let dir: string;
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
};
beforeAll(() => {
  dir = tempDir();
  mkdirSync(join(dir, "team"));
  write("team/alice.yaml", `organization: Acme\n${PROFILE}${ANSWERS}`);
  write("team/bob.plan.yaml", `organization: Acme\n${ANSWERS}`);
  write("partial.yaml", `organization: Acme\n${PROFILE}answers:\n  d:\n    q1: all\n`);
  write("future.yaml", `organization: Acme\ndate: 2026-12-01\n${PROFILE}${ANSWERS}`);
  write("renamed.yaml", `# Another company's answers\n\norganization: Other Ltd\n${ANSWERS}`);
});

const stdin = (text = "", isTTY = false) => Object.assign(Readable.from([text]), { isTTY });
const merge = (sources: string[], settings: Partial<AuditSettings> = {}, piped = "") =>
  auditMerged({
    sources,
    cwd: dir,
    stdin: stdin(piped),
    rubrics,
    settings: { ...base, ...settings },
  });
const failure = (sources: string[], settings: Partial<AuditSettings> = {}) =>
  merge(sources, settings).then(
    () => {
      throw new Error("expected the merge to be refused");
    },
    (error: unknown) => {
      if (!(error instanceof UserError)) throw error;
      return error;
    },
  );

describe("auditMerged: respondents", () => {
  it("are named by their file without its extension, stdin as such, sourced by file", async () => {
    const { report, warnings } = await merge(
      ["team/alice.yaml", "-", "team/bob.plan.yaml"],
      {},
      `organization: Acme\n${ANSWERS}`,
    );
    expect(report.respondents).toEqual([
      { name: "alice", role: null, source: "team/alice.yaml" },
      { name: "stdin", role: null, source: null },
      { name: "bob.plan", role: null, source: "team/bob.plan.yaml" },
    ]);
    expect(report.source.plan).toBe("team/alice.yaml");
    expect(report.overall.score).toBe(75);
    expect(warnings).toEqual([]);
  });

  it("a merge led by stdin has no plan file", async () => {
    const { report } = await merge(["-", "team/alice.yaml"], {}, `organization: Acme\n${ANSWERS}`);
    expect(report.source.plan).toBeNull();
  });
});

describe("auditMerged: the missing-profile hint follows the first plan, whose profile counts", () => {
  it.each([
    [["team/alice.yaml", "team/bob.plan.yaml"], []],
    [["team/bob.plan.yaml", "team/alice.yaml"], [NO_PROFILE_HINT]],
    [["team/bob.plan.yaml"], [NO_PROFILE_HINT]],
  ])("%j: %j", async (sources, expected) => {
    expect((await merge(sources)).warnings).toEqual(expected);
  });
});

describe("auditMerged: every plan is read and validated as the run says", () => {
  it("an unreadable plan stops the merge with its reading error", async () => {
    const error = await failure(["team/alice.yaml", "nope.yaml"]);
    expect(error.message).toBe("nope.yaml: no such file");
  });

  it("--strict applies to each plan", async () => {
    expect((await merge(["team/alice.yaml", "partial.yaml"])).report.overall.score).toBe(75);
    const error = await failure(["team/alice.yaml", "partial.yaml"], { strict: true });
    expect(error.message).toBe("partial.yaml: invalid plan");
    expect(error.diagnostics.map((d) => d.path)).toEqual(["answers.d.q2"]);
  });

  it("a plan dated after today is refused only when --max-age reads the date", async () => {
    const today = "2026-11-27";
    await expect(merge(["team/alice.yaml", "future.yaml"], { today })).resolves.toBeDefined();
    const error = await failure(["team/alice.yaml", "future.yaml"], { today, maxAgeDays: 30 });
    expect(error.diagnostics.map((d) => d.path)).toEqual(["date"]);
  });
});

describe("auditMerged: plans of another organisation", () => {
  it("are refused, each at its organization line, with what to do", async () => {
    const error = await failure(["team/alice.yaml", "renamed.yaml", "team/bob.plan.yaml"]);
    expect(error.message).toBe(
      "--merge combines plans of one organisation, but these name another",
    );
    expect(error.hint).toBe(
      "Merge each organisation's plans separately, or correct the organization line.",
    );
    expect(error.diagnostics).toEqual([
      {
        severity: "error",
        file: "renamed.yaml",
        // At the value that differs, after two lines of comment.
        line: 3,
        column: 15,
        path: "organization",
        message: 'organization is "Other Ltd", not "Acme"',
      },
    ]);
  });
});

describe("readPlanText", () => {
  it("refuses stdin that is a terminal, saying how to pipe a plan in", async () => {
    const read = await readPlanText("-", { cwd: dir, stdin: stdin("", true) });
    expect(read).toMatchObject({ source: "-", display: "<stdin>" });
    const error = "error" in read ? read.error : undefined;
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toBe("`-` reads a plan from stdin, but stdin is a terminal");
    expect(error?.hint).toBe("Pipe a plan in: cat plan.yaml | social-audit audit -");
  });

  it("a broken pipe is not the plan's problem: it is thrown, not returned", async () => {
    const broken = Object.assign(
      new Readable({
        read() {
          this.destroy(new Error("pipe broke"));
        },
      }),
      { isTTY: false },
    );
    await expect(readPlanText("-", { cwd: dir, stdin: broken })).rejects.toThrow("pipe broke");
  });
});

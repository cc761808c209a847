import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { appliesTo } from "../../src/core/applicability.js";
import { needsEvidence } from "../../src/core/evidence.js";
import { isScored, type Answer, type Question } from "../../src/core/kinds/index.js";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, builtinRubrics, fixture, runCli, tempDir } from "../helpers.js";
import { Terminal } from "./terminal.js";

const hasTmux = Terminal.available();
if (!hasTmux)
  console.warn(
    "interview.test: terminal tests skipped, tmux is not installed (.ci/run installs it)",
  );

const cli = `node ${BIN}`;
let terminal: Terminal | undefined;
afterEach(() => terminal?.kill());

/** The header above question n of a section, alone on its line. */
const header = (section: string, n: number, size: number) =>
  new RegExp(`(^|\\n)${section} · question ${n} of ${size}\\n`);

/** What is on screen from the last occurrence of `marker` on: the prompt being shown. */
function from(screen: string, marker: string): string {
  return screen.slice(screen.lastIndexOf(marker));
}

describe.skipIf(!hasTmux)("interview in a real terminal", () => {
  it("runs a full interview at 80 columns and ends with the same report as `audit` of the saved plan", async () => {
    const rubrics = await builtinRubrics();
    const dir = tempDir();
    terminal = new Terminal();
    terminal.start(`${cli} interview > report.txt`, dir, { columns: 80, rows: 40 });
    await terminal.answerNames("Harbour Lane Accountants");
    for (let n = 1; n <= 4; n++) {
      await terminal.waitFor(header("About the organisation", n, 4));
      terminal.keys("Enter");
    }
    // Enter takes the highlighted choice, an empty checkbox, or skips free text and numbers.
    // The first choice of each profile question: one person, regulated, consumers. Questions
    // that cannot apply to one person are not asked, and the numbering leaves no gaps.
    // A first answer the rubric wants backed up (yes, there is a written plan) is followed by
    // an optional evidence line, which Enter leaves empty.
    const profile = { size: "solo", regulated: true, audience: "b2c" } as const;
    const first = (q: Question): Answer | undefined =>
      q.kind === "choice" ? q.choices[0]?.value : q.kind === "boolean" ? true : undefined;
    let claims = 0;
    for (const { rubric } of rubrics.dimensions) {
      const asked = rubric.questions.filter((q) => !isScored(q) || appliesTo(q, profile));
      for (let n = 1; n <= asked.length; n++) {
        await terminal.waitFor(header(rubric.title, n, asked.length));
        terminal.keys("Enter");
        const q = asked[n - 1] as Question;
        const answer = first(q);
        if (answer !== undefined && needsEvidence(q, answer, profile)) {
          claims++;
          await terminal.waitFor((s) => from(s, "✔").includes("? Evidence (a link or where"));
          terminal.keys("Enter");
        }
      }
    }
    expect(claims).toBe(1);
    expect(await terminal.exitCode()).toBe(0);
    const screen = terminal.screen();
    expect(screen).toContain("Interview complete: Harbour Lane Accountants");
    expect(screen).toMatch(/\n {2}Overall\s+\d+\.\d/);
    expect(screen).toContain("Saved to social-plan.yaml");
    expect(screen).toContain("--format markdown -o social-plan-report.md");
    expect(screen).toContain("--format html -o social-plan-report.html");

    const plan = parse(readFileSync(join(dir, "social-plan.yaml"), "utf8"));
    expect(plan.organization).toBe("Harbour Lane Accountants");
    expect(plan.profile).toEqual({ size: "solo", regulated: true, audience: "b2c" });
    expect(plan.answers.planning["audience-first"]).toBe("everywhere");
    expect(plan.answers.presence["offline-connected"]).toEqual([]);
    expect(plan.answers.commitment["written-plan"]).toBe(true);
    expect(plan.answers.presence["response-time"]).toBeNull(); // skipped, and marked so

    const audit = await runCli(["audit", "social-plan.yaml"], { cwd: dir });
    expect(audit.code).toBe(0);
    expect(readFileSync(join(dir, "report.txt"), "utf8")).toBe(audit.stdout);
  });

  it("is used as a consultant would: profile, Back, skip, n/a, help, a resize, Ctrl-C, resume and the summary", async () => {
    const dir = tempDir();
    const rubrics = fixture("interview", "rubrics");
    const command = `${cli} interview --dimension presence --dimension teams --rubrics ${rubrics}`;
    terminal = new Terminal();
    terminal.start(command, dir, { columns: 80, rows: 40 });
    await terminal.answerNames("Spoke & Chain", "Sam");

    // The profile: a number picks a size, free text, a yes/no, and s skips.
    await terminal.waitFor(header("About the organisation", 1, 4));
    terminal.keys("2", "Enter");
    await terminal.waitFor(header("About the organisation", 2, 4));
    terminal.type("bike shop");
    terminal.keys("Enter");
    await terminal.waitFor(header("About the organisation", 3, 4));
    terminal.keys("Down", "Enter");
    await terminal.waitFor(header("About the organisation", 4, 4));
    terminal.keys("s");

    await terminal.waitFor(header("Presence", 1, 10));
    let screen = from(terminal.screen(), "Presence · question 1 of 10");
    expect(screen).toContain("▸ Presence 0/10 · Teams 0/3");
    expect(screen).toMatch(/\n {2}← Back to the previous question\n❯ 1\. A logo/);
    expect(screen).toContain("↑↓ move · enter choose · ? help · b back · s skip");
    expect(screen).not.toContain("Not applicable to us");
    terminal.keys("Down", "Down", "Enter"); // some-named

    // Help is one key away, and goes again with the same key.
    await terminal.waitFor(header("Presence", 2, 10));
    terminal.keys("?");
    await terminal.waitFor("A steady, modest rhythm that people can rely on");
    terminal.keys("?");
    await terminal.waitFor(
      (s) => !from(s, "question 2 of 10").includes("A steady, modest rhythm that"),
    );
    terminal.keys("3", "Enter"); // irregular

    await terminal.waitFor(header("Presence", 3, 10));
    terminal.keys("4", "Enter");

    await terminal.waitFor(header("Presence", 4, 10));
    terminal.keys("s"); // not sure: skipped, and marked so in the file

    await terminal.waitFor(header("Presence", 5, 10));
    terminal.type("soon");
    terminal.keys("Enter");
    await terminal.waitFor("Enter a number of hours (0 to 720)");
    terminal.keys("C-u");
    terminal.type("6");
    terminal.keys("Enter");

    // The client's window is narrowed mid-way: the prompt redraws to fit.
    await terminal.waitFor(header("Presence", 6, 10));
    // At 80 columns the checkbox's hint starts with "↑↓ move"; at 60 that no longer fits.
    await terminal.waitFor((s) => from(s, "Presence · question 6 of 10").includes("↑↓ move ·"));
    terminal.resize(60, 40);
    await terminal.waitFor((s) => {
      const prompt = from(s, "Presence · question 6 of 10");
      return prompt.includes("s skip") && !prompt.includes("↑↓ move");
    });
    screen = from(terminal.screen(), "Presence · question 6 of 10");
    for (const line of screen.split("\n")) expect(Array.from(line).length).toBeLessThanOrEqual(60);
    expect(screen).toContain("? help");

    // Back to the number, whose answer is offered again; Enter keeps it.
    terminal.keys("b");
    await terminal.waitFor((s) => from(s, "✔").includes("Presence · question 5 of 10"));
    expect(from(terminal.screen(), "Presence · question 5 of 10")).toContain("(6)");
    terminal.keys("Enter");
    await terminal.waitFor(header("Presence", 6, 10));
    terminal.keys("Space", "Down", "Down", "Space", "Enter"); // direct-messages, review-sites
    await terminal.waitFor(header("Presence", 7, 10));
    terminal.keys("Down", "Down", "Down", "Enter"); // useful-first
    await terminal.waitFor(header("Presence", 8, 10));
    terminal.keys("3", "Enter"); // labelled
    await terminal.waitFor(header("Presence", 9, 10));
    terminal.keys("2", "Enter");

    // In a checkbox, a selects every real option and nothing else.
    await terminal.waitFor(header("Presence", 10, 10));
    terminal.keys("a");
    await terminal.waitFor((s) => (from(s, "question 10 of 10").match(/◉/g) ?? []).length === 5);
    terminal.keys("Space", "Enter"); // all but the first

    // Back from the first question of a dimension goes to the previous dimension.
    await terminal.waitFor(header("Teams", 1, 3));
    screen = from(terminal.screen(), "Teams · question 1 of 3");
    expect(screen).toContain("Not applicable to us");
    expect(screen).toContain("n n/a");
    terminal.keys("b");
    await terminal.waitFor((s) => from(s, "✔").includes("Presence · question 10 of 10"));
    terminal.keys("Enter");
    await terminal.waitFor(header("Teams", 1, 3));
    terminal.keys("n"); // not applicable to us

    await terminal.waitFor(header("Teams", 2, 3));
    terminal.keys("C-c");
    expect(await terminal.exitCode()).toBe(130);
    screen = terminal.screen();
    // The prompt is cleared, not left half drawn, and the way back is printed.
    expect(from(screen, "✔")).not.toContain("? How many hours");
    expect(screen).toContain("interrupted; 10 answers saved to social-plan.yaml.");
    // The way back is a line of its own, not a "\n" inside the message.
    expect(screen).not.toContain("\\n");
    expect(screen).toContain(
      `\n  hint: resume with: ${cli} interview --resume --dimension presence --dimension teams --rubrics ${rubrics}`,
    );
    const saved = readFileSync(join(dir, "social-plan.yaml"), "utf8");
    expect(saved).toMatch(/\n {4}questions-answered: # skipped\n/);
    const interrupted = parse(saved);
    expect(interrupted.profile).toEqual({ size: "micro", sector: "bike shop", regulated: false });
    expect(interrupted.answers.presence).toEqual({
      "named-people": "some-named",
      "steady-rhythm": "irregular",
      "genuine-tone": 4,
      "questions-answered": null,
      "response-time": 6,
      "their-channels": ["direct-messages", "review-sites"],
      "pull-content": "useful-first",
      "honest-automation": "labelled",
      "joins-conversations": 2,
      "offline-connected": [
        "events-followed-up",
        "staff-mention-online",
        "online-to-phone",
        "referrals-tracked",
      ],
    });
    expect(interrupted.answers.teams).toEqual({ "departments-involved": "n/a" });

    const again = await runCli(["interview", "--dimension", "presence"], { cwd: dir });
    expect(again.code).toBe(2);

    // Resume: where we are, and only what is open (the skipped question is not asked again).
    terminal.kill();
    terminal = new Terminal();
    terminal.start(command.replace(" interview ", " interview --resume "), dir, {
      columns: 80,
      rows: 40,
    });
    await terminal.waitFor(header("Teams", 2, 3));
    expect(terminal.screen()).toContain(
      "Spoke & Chain, 10 of 13 answered, 1 skipped; Teams next (question 2 of 3).",
    );
    terminal.type("4");
    terminal.keys("Enter");
    await terminal.waitFor(header("Teams", 3, 3));
    terminal.keys("2", "Enter");
    expect(await terminal.exitCode()).toBe(0);
    screen = terminal.screen();
    // Nothing of Presence is asked again, the skipped question included.
    expect(screen).not.toMatch(header("Presence", 4, 10));
    expect(screen).not.toContain("Presence · question");
    const summary = from(screen, "Interview complete: Spoke & Chain");
    expect(summary).toMatch(/\n {2}Presence\s+\d+\.\d {2}\w+/);
    expect(summary).toMatch(/\n {2}Teams\s+\d+\.\d {2}\w+/);
    expect(summary).toContain("Not assessed in this interview: Planning, Commitment,");
    expect(summary).toContain("Fix first\n  None");
    expect(summary).toContain("Saved to social-plan.yaml");
    expect(summary).toContain("--format markdown -o social-plan-report.md");
    expect(summary).toContain("--format html -o social-plan-report.html");
    const done = parse(readFileSync(join(dir, "social-plan.yaml"), "utf8"));
    expect(done.auditor).toBe("Sam");
    expect(done.answers.teams).toEqual({
      "departments-involved": "n/a",
      "weekly-hours": 4,
      "shared-access": "two",
    });
    expect(done.answers.presence["questions-answered"]).toBeNull();
  });

  it("--respondent saves to the person's own file, with evidence after a claim, and refuses someone else's", async () => {
    const dir = tempDir();
    const today = new Date().toISOString().slice(0, 10);
    terminal = new Terminal();
    terminal.start(
      `${cli} interview --respondent "Zoë Okafor" --role Owner --dimension commitment`,
      dir,
      { columns: 80, rows: 40 },
    );
    await terminal.answerNames("Spoke & Chain");
    for (let n = 1; n <= 4; n++) {
      await terminal.waitFor(header("About the organisation", n, 4));
      // A micro organisation; an empty sector; regulated and audience skipped.
      if (n === 1) terminal.keys("2", "Enter");
      else terminal.keys(n === 2 ? "Enter" : "s");
    }
    // Yes, a written plan: a claim to back up, so the evidence line follows.
    await terminal.waitFor(/Commitment · question 1 of \d+\n/);
    terminal.keys("Enter");
    await terminal.waitFor((s) => from(s, "✔").includes("? Evidence (a link or where"));
    terminal.keys("?");
    await terminal.waitFor((s) =>
      s.replace(/\s+/g, " ").includes("saved with today's date and Zoë Okafor's name"),
    );
    terminal.keys("?");
    terminal.type("https://drive.example/social-plan.pdf");
    terminal.keys("Enter");
    await terminal.waitFor(/Commitment · question 2 of \d+\n/);
    terminal.keys("C-c");
    expect(await terminal.exitCode()).toBe(130);
    expect(terminal.screen()).toContain(
      `hint: resume with: ${cli} interview --respondent 'Zoë Okafor' --resume --dimension commitment`,
    );
    const plan = parse(readFileSync(join(dir, "social-plan.zoe-okafor.yaml"), "utf8"));
    expect(plan.respondent).toEqual({ name: "Zoë Okafor", role: "Owner" });
    expect(plan.answers.commitment["written-plan"]).toEqual({
      answer: true,
      evidence: "https://drive.example/social-plan.pdf",
      asOf: today,
      by: "Zoë Okafor",
    });
    terminal.kill();

    // Someone else resuming that file is refused before any question.
    terminal = new Terminal();
    terminal.start(
      `${cli} interview --respondent "Sam Lee" --out social-plan.zoe-okafor.yaml --resume`,
      dir,
      { columns: 80, rows: 40 },
    );
    expect(await terminal.exitCode()).toBe(2);
    expect(terminal.screen()).toContain(
      "social-plan.zoe-okafor.yaml holds Zoë Okafor's answers, not Sam Lee's",
    );
  });

  it("asks skipped questions again only with --revisit", async () => {
    const dir = tempDir();
    const rubrics = fixture("interview", "rubrics");
    writeFileSync(
      join(dir, "acme.yaml"),
      [
        "# Acme's plan, started in March",
        "organization: Acme",
        "profile:",
        "  size: solo",
        "answers:",
        "  teams:",
        "    departments-involved: n/a",
        "    weekly-hours: # skipped",
        "    shared-access: two # checked with the owner",
        "",
      ].join("\n"),
    );
    const command = `${cli} interview --out acme.yaml --dimension teams --rubrics ${rubrics}`;
    terminal = new Terminal();
    terminal.start(`${command} --resume`, dir, { columns: 80, rows: 40 });
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.screen().replace(/\s+/g, " ")).toContain(
      "Acme, 2 of 3 answered, 1 skipped; nothing left to ask (--revisit asks the skipped ones again).",
    );
    expect(terminal.screen()).toContain("Interview complete: Acme");
    terminal.kill();

    terminal = new Terminal();
    terminal.start(`${command} --revisit`, dir, { columns: 80, rows: 40 });
    await terminal.waitFor(header("Teams", 2, 3));
    terminal.type("5");
    terminal.keys("Enter");
    expect(await terminal.exitCode()).toBe(0);
    expect(readFileSync(join(dir, "acme.yaml"), "utf8")).toBe(
      [
        "# Acme's plan, started in March",
        "organization: Acme",
        "profile:",
        "  size: solo",
        "answers:",
        "  teams:",
        "    departments-involved: n/a",
        "    weekly-hours: 5",
        "    shared-access: two # checked with the owner",
        "",
      ].join("\n"),
    );
  });

  it("audit with no plan on a terminal offers the interview", async () => {
    const dir = tempDir();
    terminal = new Terminal();
    terminal.start(`${cli} audit`, dir);
    await terminal.waitFor("Start an interview now?");
    terminal.type("n");
    terminal.keys("Enter");
    expect(await terminal.exitCode()).toBe(2);
    expect(terminal.screen()).toContain(`${cli} init`);
  });
});

describe("interview without a terminal", () => {
  it("exits 2 at once and says to pass a plan file", async () => {
    const { code, stderr } = await runCli(["interview"], { cwd: tempDir() });
    expect(code).toBe(2);
    expect(stderr).toContain("interview needs an interactive terminal");
    // Hints name the command as it was run: here the script by its path.
    expect(stderr).toContain(`node ${BIN} audit social-plan.yaml`);
  });
});

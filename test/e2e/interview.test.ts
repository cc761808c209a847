import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, runCli, tempDir } from "../helpers.js";
import { Terminal } from "./terminal.js";

const hasTmux = Terminal.available();
if (!hasTmux)
  console.warn(
    "interview.test: terminal tests skipped, tmux is not installed (.ci/run installs it)",
  );

const cli = `node ${BIN}`;
let terminal: Terminal | undefined;
afterEach(() => terminal?.kill());

/** The progress line of question n of total, alone on its line. */
const progress = (n: number, total: number) => new RegExp(`· ${n}/${total}\\n`);

describe.skipIf(!hasTmux)("interview in a real terminal", () => {
  it("runs a full interview and ends with the same report as `audit` of the saved plan", async () => {
    const dir = tempDir();
    terminal = new Terminal();
    terminal.start(`${cli} interview > report.txt`, dir);
    await terminal.waitFor("? Organization name");
    terminal.type("Harbour Lane Accountants");
    terminal.keys("Enter");
    await terminal.waitFor("? Auditor name");
    terminal.keys("Enter");
    // Enter takes the highlighted choice, an empty checkbox, or skips free text and numbers.
    for (let n = 1; n <= 31; n++) {
      await terminal.waitFor(progress(n, 31));
      terminal.keys("Enter");
    }
    expect(await terminal.exitCode()).toBe(0);
    const screen = terminal.screen();
    expect(screen).toContain("Saved to social-plan.yaml");
    expect(screen).toContain("--format markdown -o report.md");

    const plan = parse(readFileSync(join(dir, "social-plan.yaml"), "utf8"));
    expect(plan.organization).toBe("Harbour Lane Accountants");
    expect(plan.answers.planning["audience-first"]).toBe("everywhere");
    expect(plan.answers.presence["offline-connected"]).toEqual([]);
    expect(plan.answers.commitment["written-plan"]).toBe(true);
    expect(plan.answers.presence["response-time"]).toBeUndefined();

    const audit = await runCli(["audit", "social-plan.yaml"], { cwd: dir });
    expect(audit.code).toBe(0);
    expect(readFileSync(join(dir, "report.txt"), "utf8")).toBe(audit.stdout);
  });

  it("re-asks bad number input, saves on Ctrl-C with exit 130, and resumes to completion", async () => {
    const dir = tempDir();
    terminal = new Terminal();
    terminal.start(`${cli} interview --dimension presence`, dir);
    await terminal.waitFor("? Organization name");
    terminal.type("Spoke & Chain");
    terminal.keys("Enter");
    await terminal.waitFor("? Auditor name");
    terminal.type("Sam");
    terminal.keys("Enter");
    await terminal.waitFor(progress(1, 7));
    terminal.keys("Down", "Down", "Enter"); // some-named
    await terminal.waitFor(progress(2, 7));
    terminal.keys("Down", "Down", "Down", "Enter"); // 4
    await terminal.waitFor(progress(3, 7));
    terminal.keys("Down", "Down", "Enter"); // most
    await terminal.waitFor(progress(4, 7));
    terminal.type("soon");
    terminal.keys("Enter");
    await terminal.waitFor("Enter a number of hours (0 to 720)");
    terminal.keys("C-u");
    terminal.type("6");
    terminal.keys("Enter");
    await terminal.waitFor(progress(5, 7));
    terminal.keys("C-c");
    expect(await terminal.exitCode()).toBe(130);
    expect(terminal.screen()).toContain("4 answers saved to social-plan.yaml");
    expect(terminal.screen()).toContain(
      `Resume with: ${cli} interview --out social-plan.yaml --resume --dimension presence`,
    );
    const interrupted = parse(readFileSync(join(dir, "social-plan.yaml"), "utf8"));
    expect(interrupted.answers.presence).toEqual({
      "named-people": "some-named",
      "genuine-tone": 4,
      "questions-answered": "most",
      "response-time": 6,
    });

    const again = await runCli(["interview", "--dimension", "presence"], { cwd: dir });
    expect(again.code).toBe(2);

    terminal.kill();
    terminal = new Terminal();
    terminal.start(`${cli} interview --resume --dimension presence`, dir);
    await terminal.waitFor(progress(5, 7));
    expect(terminal.screen()).not.toMatch(progress(1, 7));
    terminal.keys("Down", "Down", "Down", "Enter"); // useful-first
    await terminal.waitFor(progress(6, 7));
    terminal.keys("Down", "Enter"); // 2
    await terminal.waitFor(progress(7, 7));
    terminal.keys("Space", "Down", "Space", "Enter");
    expect(await terminal.exitCode()).toBe(0);
    const done = parse(readFileSync(join(dir, "social-plan.yaml"), "utf8"));
    expect(done.auditor).toBe("Sam");
    expect(done.answers.presence).toMatchObject({
      "response-time": 6,
      "pull-content": "useful-first",
      "joins-conversations": 2,
      "offline-connected": ["handles-on-print", "events-followed-up"],
    });
    expect(terminal.screen()).toMatch(/Presence\s+│ \d+\.\d/);
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

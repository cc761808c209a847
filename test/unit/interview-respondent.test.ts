import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { defaultOut, runInterviewCommand } from "../../src/cli/commands/interview.js";
import type { CliIO } from "../../src/cli/io.js";
import { UsageError, UserError } from "../../src/errors.js";
import { tempDir } from "../helpers.js";

/** A terminal that never types: every case here must be refused before the first question. */
function terminal(cwd: string): CliIO & { err: () => string } {
  let err = "";
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  return {
    stdout: { write: () => true },
    stderr: {
      write: (text: string) => {
        err += text;
        return true;
      },
    },
    stdin,
    env: {},
    cwd,
    err: () => err,
  };
}

const ana = [
  "organization: Acme",
  "respondent: { name: Ana Silva, role: Owner }",
  "answers:",
  "  presence:",
  "    named-people: logo-only",
  "",
].join("\n");

describe("interview --respondent", () => {
  it.each([
    [undefined, "social-plan.yaml"],
    ["Ana Silva", "social-plan.ana-silva.yaml"],
    ["  Zoë   O'Brien-Smith ", "social-plan.zoe-o-brien-smith.yaml"],
    ["Ana.Silva/../../etc", "social-plan.ana-silva-etc.yaml"],
    ["李明", "social-plan.李明.yaml"],
    ["Ω".repeat(80), `social-plan.${"ω".repeat(60)}.yaml`],
  ])("saves %j's answers to %s by default", (name, file) => {
    expect(defaultOut(name)).toBe(file);
  });

  it("refuses a name with nothing to name a file after, unless --out is given", () => {
    expect(() => defaultOut("!!!")).toThrow(UsageError);
    expect(() => defaultOut("!!!")).toThrow(/no letter or digit/);
  });

  it("refuses to resume another person's answers (exit 2), saying how to continue either", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "social-plan.ana-silva.yaml"), ana);
    writeFileSync(join(dir, "shared.yaml"), ana);
    for (const args of [
      { out: "shared.yaml", respondent: "Bo Chen", resume: true },
      { out: "shared.yaml", respondent: "Bo Chen", revisit: true },
    ]) {
      const error = await runInterviewCommand(terminal(dir), args).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(2);
      expect((error as UsageError).message).toBe(
        "shared.yaml holds Ana Silva's answers, not Bo Chen's",
      );
      expect((error as UsageError).hint).toContain(
        "social-audit interview --out shared.yaml --respondent 'Ana Silva' --resume",
      );
      expect((error as UsageError).hint).toContain("social-audit interview --respondent 'Bo Chen'");
    }
  });

  it("without --resume, never overwrites a person's file, and says how to continue it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "social-plan.ana-silva.yaml"), ana);
    const error = await runInterviewCommand(terminal(dir), { respondent: "Ana Silva" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe("social-plan.ana-silva.yaml already exists");
    expect((error as UserError).hint).toContain(
      "social-audit interview --respondent 'Ana Silva' --resume",
    );
  });

  it("--role needs --respondent", async () => {
    const error = await runInterviewCommand(terminal(tempDir()), { role: "Owner" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain("--role needs --respondent NAME");
  });

  it("an empty --respondent is a usage error", async () => {
    const error = await runInterviewCommand(terminal(tempDir()), { respondent: "  " }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe("--respondent needs a name, got an empty one");
  });
});

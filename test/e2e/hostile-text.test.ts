import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { example, fixture, runCli, tempDir } from "../helpers.js";

/** What must never reach a terminal from input: ESC, other C0/C1 controls, bidi controls. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** A line a GitHub Actions runner would act on, forged from input. */
const WORKFLOW_COMMAND = /^::/m;

/** XML 1.0's Char production, checked strictly (fast-xml-parser's validator accepts U+FFFE). */
function assertXmlChars(xml: string) {
  const bad = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(xml);
  expect(bad, bad ? `U+${bad[0].codePointAt(0)?.toString(16)} at ${bad.index}` : "").toBeNull();
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
    testsuites?: { testsuite?: unknown };
  };
  expect(parsed.testsuites?.testsuite).toBeDefined();
}

describe("hostile text reaches no terminal and breaks no format", () => {
  it("C1 controls, bidi overrides and OSC links are removed from the table", async () => {
    const result = await runCli(["audit", fixture("bad", "hostile", "c1-bidi.yaml")]);
    expect(result.stdout).toContain("Acme");
    expect(result.stdout).not.toMatch(UNSAFE);
    expect(result.stderr).not.toMatch(UNSAFE);
  });

  it("a key holding newlines cannot forge workflow commands on stderr", async () => {
    const result = await runCli(["audit", fixture("bad", "plans", "key-newline.yaml")]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(WORKFLOW_COMMAND);
    expect(result.stderr).toContain("zz\\n::error");
  });

  it("commander's messages echoing argv are escaped", async () => {
    const format = await runCli(["audit", "--format", "\u001b]0;PWNED\u0007x\n::error::y"]);
    expect(format.code).toBe(2);
    expect(format.stderr).not.toMatch(UNSAFE);
    expect(format.stderr).not.toMatch(WORKFLOW_COMMAND);
    const option = await runCli(["audit", "--zz\n::error::x\u001b[2J"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option");
    expect(option.stderr).not.toMatch(UNSAFE);
    expect(option.stderr).not.toMatch(WORKFLOW_COMMAND);
  });

  it("compare prints dates, names and titles from crafted JSON reports safely", async () => {
    const dir = tempDir();
    const before = join(dir, "before.json");
    const plain = await runCli(["audit", example("bakery.yaml"), "--json", "-o", before]);
    expect(plain.code).not.toBe(2);
    const crafted = fixture("bad", "hostile", "report-crafted.json");
    for (const args of [
      [before, crafted],
      [crafted, before],
      [crafted, crafted, "--format", "markdown"],
    ]) {
      const result = await runCli(["compare", ...args]);
      expect(result.stdout).toContain("Bakery");
      expect(result.stdout).not.toMatch(UNSAFE);
      expect(result.stdout).not.toMatch(WORKFLOW_COMMAND);
      expect(result.stderr).not.toMatch(UNSAFE);
    }
  });

  it("a plan file name cannot break out of its Markdown code span", async () => {
    const dir = tempDir();
    const name = "a`b\n\n<img src=x onerror=alert(1)>\n# heading ``.yaml";
    copyFileSync(example("bakery.yaml"), join(dir, name));
    const result = await runCli(["audit", name, "--format", "markdown"], { cwd: dir });
    expect(result.stdout).toContain("Social readiness");
    expect(result.stdout).not.toMatch(/^<img|^# heading/m);
    const planLine = result.stdout.split("\n").find((l) => l.includes("Plan: "));
    expect(planLine).toMatch(
      /Plan: (`{3,})[^`].*<img src=x onerror=alert\(1\)> # heading ``\.yaml\1$/,
    );
  });

  it("JUnit stays well-formed with U+FFFE and U+FFFF in a plan and a rubric title", async () => {
    const result = await runCli([
      "audit",
      fixture("bad", "hostile", "xml-nonchars.yaml"),
      "--rubrics",
      fixture("bad", "hostile", "rubrics"),
      "--format",
      "junit",
    ]);
    expect(result.stdout).toContain("<testsuites");
    expect(result.stdout).toContain("Acme \ufffd\ufffd end");
    assertXmlChars(result.stdout);
  });

  it("the crafted fixtures really carry what the tests guard against", () => {
    const raw = readFileSync(fixture("bad", "hostile", "report-crafted.json"), "utf8");
    expect(JSON.parse(raw).date as string).toMatch(UNSAFE);
    expect(readFileSync(fixture("bad", "hostile", "xml-nonchars.yaml"), "utf8")).toContain(
      "\\uFFFE",
    );
  });
});

import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SyntaxValidator } from "fast-xml-validator";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, runCli, tempDir } from "../helpers.js";

const HOSTILE = String.raw`organization: "Evil\e]0;pwned\aCorp\e[2J\e[31m <script>alert(1)</script> & \"co\""
notes: "Line\e[1A\e[Kover \e]8;;https://evil.example\e\\click\e]8;;\e\\ ]]> <!-- --> \u009b31m"
answers:
  planning:
    planning-notes: "\e[?1049h takeover <img src=x onerror=alert(1)>"
`;

describe("text from plans cannot take over a terminal or a document", () => {
  const dir = tempDir();
  const plan = join(dir, "hostile.yaml");
  writeFileSync(plan, HOSTILE);

  it("table, markdown, github and sarif output carry no escape sequences", async () => {
    for (const format of ["table", "markdown", "github", "sarif", "json"]) {
      const { code, stdout } = await runCli(["audit", plan, "--format", format]);
      expect(code, format).toBe(0);
      expect(stdout, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });

  it("with colour forced, the only escape sequences are our own colours", async () => {
    const { stdout } = await runCli(["audit", plan], { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    const sequences = stdout.match(/\u001b[^m]*m?/g) ?? [];
    expect(sequences.length).toBeGreaterThan(0);
    for (const s of sequences) expect(s).toMatch(/^\u001b\[\d+(;\d+)*m$/);
    expect(stdout).not.toContain("pwned\u0007");
  });

  it("HTML and JUnit XML escape markup", async () => {
    const html = (await runCli(["audit", plan, "--format", "html"])).stdout;
    expect(html).not.toMatch(/<script>alert|<img src=x/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const xml = (await runCli(["audit", plan, "--format", "junit"])).stdout;
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(xml).toContain("&lt;script&gt;");
    const markdown = (await runCli(["audit", plan, "--format", "markdown"])).stdout;
    expect(markdown).not.toMatch(/<script>|<img/);
  });

  it("error messages quoting a hostile value are sanitised too", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(
      bad,
      String.raw`organization: x
answers:
  presence:
    named-people: "\e]0;pwned\a\e[2Jlogo"
`,
    );
    const { code, stderr } = await runCli(["audit", bad]);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe("interrupted writes", () => {
  it("a writer killed at any moment leaves the old file or the new one, never a torn one", async () => {
    const dir = tempDir();
    const target = join(dir, "report.json");
    const old = `${JSON.stringify({ version: "old", pad: "o".repeat(2_000_000) })}\n`;
    const fresh = `${JSON.stringify({ version: "new", pad: "n".repeat(2_000_000) })}\n`;
    const writer = join(dir, "writer.mjs");
    writeFileSync(
      writer,
      `import { readFileSync } from "node:fs";
       import { writeFileAtomic } from ${JSON.stringify(join(ROOT, "dist/io/write-atomic.js"))};
       const [target, a, b] = process.argv.slice(2).map((p, i) => (i === 0 ? p : readFileSync(p, "utf8")));
       process.stdout.write("ready\\n");
       for (let i = 0; ; i++) await writeFileAtomic(target, i % 2 ? a : b, { force: true });`,
    );
    writeFileSync(join(dir, "old.txt"), old);
    writeFileSync(join(dir, "new.txt"), fresh);
    writeFileSync(target, old);
    for (let round = 0; round < 12; round++) {
      const child = spawn(
        process.execPath,
        [writer, target, join(dir, "old.txt"), join(dir, "new.txt")],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      await new Promise<void>((resolve) =>
        child.stdout.once("data", () => {
          resolve();
        }),
      );
      await new Promise((r) => setTimeout(r, 15 + round * 11));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("close", r));
      const content = readFileSync(target, "utf8");
      expect(
        content === old || content === fresh,
        `round ${round}: torn file of ${content.length} bytes`,
      ).toBe(true);
    }
    // Killed writers may leave their temporary files behind, but never under the target's name.
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith(".tmp"))
        .every((f) => f.startsWith(".report.json.")),
    ).toBe(true);
  });
});

describe("broken pipes", () => {
  it("`audit ... | head -1` ends quietly", () => {
    const plans = Array.from({ length: 150 }, () => "examples/b2b-living.yaml").join(" ");
    const result = spawnSync(
      "bash",
      [
        "-c",
        `set -o pipefail; node ${BIN} audit ${plans} --format jsonl | head -c 100 >/dev/null; echo "status=\${PIPESTATUS[0]}"`,
      ],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(result.stdout.trim()).toBe("status=0");
    expect(result.stderr).toBe("");
  });

  // A Node parent hands over a non-blocking pipe: once it is full, output is queued through
  // process.stdout instead, and a reader that leaves must still end the run quietly.
  it.each([
    ["one thread", "1"],
    ["worker threads", "2"],
  ])("a reader that leaves early ends the run quietly (%s)", async (_name, jobs) => {
    const plans = Array.from({ length: 600 }, () => "examples/b2b-living.yaml");
    const child = spawn(
      process.execPath,
      [BIN, "audit", ...plans, "--format", "jsonl", "--jobs", jobs],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) =>
      child.on("close", (status) => {
        resolve(status);
      }),
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT, tempDir } from "../helpers.js";

/**
 * Every command the README shows in a ```sh block is run here, as a reader would type it, so the
 * README cannot drift from the product. Commands that cannot run in a test say why below; the
 * test fails if one of those disappears from the README, so this list cannot go stale either.
 */
const NOT_RUN: Record<string, string> = {
  "npm install": "installs: .ci/install-test.sh installs the tarball and globally, as users do",
  "npm ci": "the set-up itself: .ci/run performs it on a clean clone before the tests",
  "npm pack": "packs a tarball: .ci/install-test.sh packs and installs it in an empty folder",
  "npm test": "the test suite itself",
  "social-audit interview": "needs a terminal; the interview tests drive it in a pseudo-terminal",
  "npx stryker": "mutation testing takes minutes a file; contributors run it (npm run mutate)",
};

interface ReadmeCommand {
  line: number;
  command: string;
}

export function readmeCommands(markdown: string): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  let inShell = false;
  let pending: ReadmeCommand | undefined;
  markdown.split("\n").forEach((text, index) => {
    // A line ending in a backslash continues on the next one, as in a shell.
    if (pending) {
      pending.command += ` ${text.trim().replace(/\\$/, "").trim()}`;
      if (!text.trimEnd().endsWith("\\")) pending = undefined;
      return;
    }
    const fence = /^```(\w*)\s*$/.exec(text);
    if (fence) {
      inShell = !inShell && ["sh", "bash", "shell"].includes(fence[1] ?? "");
      return;
    }
    if (!inShell) return;
    const command = text.replace(/\s+#.*$/, "").trim();
    if (!command || command.startsWith("#")) return;
    const entry = { line: index + 1, command: command.replace(/\\$/, "").trim() };
    commands.push(entry);
    if (command.endsWith("\\")) pending = entry;
  });
  return commands;
}

const notRunReason = (command: string): string | undefined =>
  Object.entries(NOT_RUN).find(([prefix]) =>
    command.split(/\s*(?:&&|\|)\s*/).some((part) => part.startsWith(prefix)),
  )?.[1];

const sandbox = tempDir();
afterAll(() => {
  rmSync(sandbox, { recursive: true, force: true });
});

/** A folder like a user's: the examples, and the file names the README's commands use. */
function prepareSandbox(): { cwd: string; path: string } {
  const cwd = join(sandbox, "work");
  const bin = join(sandbox, "bin");
  mkdirSync(bin, { recursive: true });
  cpSync(join(ROOT, "examples"), join(cwd, "examples"), { recursive: true });
  cpSync(join(ROOT, "rubrics"), join(cwd, "rubrics"), { recursive: true });
  mkdirSync(join(cwd, "clients"), { recursive: true });
  cpSync(join(ROOT, "examples", "accounting-firm.yaml"), join(cwd, "plan.yaml"));
  cpSync(join(ROOT, "examples", "bike-shop.yaml"), join(cwd, "social-plan.yaml"));
  // A project with social-audit installed, so `npx social-audit` finds it and never asks a registry.
  mkdirSync(join(cwd, "node_modules", ".bin"), { recursive: true });
  symlinkSync(ROOT, join(cwd, "node_modules", "social-audit"));
  symlinkSync(BIN, join(cwd, "node_modules", ".bin", "social-audit"));
  writeFileSync(
    join(cwd, "package.json"),
    '{ "private": true, "dependencies": { "social-audit": "*" } }\n',
  );
  for (const name of ["bakery.yaml", "accounting-firm.yaml"])
    cpSync(join(ROOT, "examples", name), join(cwd, "clients", name));
  const shim = `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`;
  writeFileSync(join(bin, "social-audit"), shim);
  chmodSync(join(bin, "social-audit"), 0o755);
  // `node bin/social-audit.js`, as typed in a checkout, starts the CLI under test.
  mkdirSync(join(cwd, "bin"), { recursive: true });
  writeFileSync(join(cwd, "bin", "package.json"), '{ "type": "commonjs" }\n');
  writeFileSync(join(cwd, "bin", "social-audit.js"), `require(${JSON.stringify(BIN)});\n`);
  // Reports the README compares: made by the product, as a user would make them.
  const report = (plan: string, out: string) => {
    // A plan below its own threshold still prints its report; only invalid input would not.
    const made = spawnSync(process.execPath, [BIN, "audit", plan, "--json"], {
      cwd,
      encoding: "utf8",
    });
    if (made.status !== 0 && made.status !== 1) throw new Error(`${plan}: ${made.stderr}`);
    writeFileSync(join(cwd, out), made.stdout);
  };
  report("examples/progress/bike-shop-march.yaml", "march.json");
  report("examples/bike-shop.yaml", "november.json");
  report("examples/bike-shop.yaml", "main.json");
  report("examples/bike-shop.yaml", "baseline.json");
  return { cwd, path: `${bin}:${process.env.PATH ?? ""}` };
}

describe("README", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const commands = readmeCommands(readme);
  const { cwd, path } = prepareSandbox();

  it("shows commands to run", () => {
    expect(commands.length).toBeGreaterThan(10);
  });

  it("still shows every command this test declines to run", () => {
    for (const prefix of Object.keys(NOT_RUN)) {
      expect(
        commands.some((c) => c.command.includes(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  const scripts = Object.keys(
    (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: object }).scripts,
  );

  for (const { line, command } of commands) {
    if (notRunReason(command)) continue;
    // Contributor scripts build, benchmark or regenerate the repo itself: running them inside the
    // suite would rebuild what it is testing, so the test checks that each one exists.
    const script = /^npm run ([\w:-]+)/.exec(command)?.[1];
    if (script) {
      it(`README.md:${line}: ${command} (an npm script)`, () => {
        expect(scripts).toContain(script);
      });
      continue;
    }
    it(`README.md:${line}: ${command}`, () => {
      const result = spawnSync("bash", ["-o", "pipefail", "-c", command], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, PATH: path, NO_COLOR: "1", CI: "true" },
        input: "",
        timeout: 60_000,
      });
      const context = `exit ${result.status}\nstdout: ${result.stdout.slice(0, 2000)}\nstderr: ${result.stderr.slice(0, 2000)}`;
      // 1 is an honest outcome (the README shows gates failing on purpose), but only from a gate.
      expect([0, 1], context).toContain(result.status);
      if (result.status === 1) expect(result.stderr, context).toMatch(/below|regress/i);
      expect(result.stderr, context).not.toMatch(/npm (error|ERR)/);
      expect(result.stderr, context).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      if (/\|\s*jq\b/.test(command)) {
        expect(result.stdout.trim(), context).not.toBe("");
        expect(result.stdout, context).not.toMatch(/^null$/m);
        expect(result.status, context).toBe(0);
      }
    });
  }
});

import type { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRubrics } from "../src/io/load-rubrics.js";
import type { RubricSet } from "../src/core/rubric.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = join(ROOT, "bin", "social-audit.js");
export const fixture = (...parts: string[]) => join(ROOT, "test", "fixtures", ...parts);
export const example = (name: string) => join(ROOT, "examples", name);

let builtin: Promise<RubricSet> | undefined;
export function builtinRubrics(): Promise<RubricSet> {
  builtin ??= loadRubrics().then((r) => r.rubrics);
  return builtin;
}

export { tempDir } from "./temp.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, with colour off unless a test asks for it. */
export function runCli(
  args: string[],
  options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      NO_COLOR: "1",
      ...options.env,
    };
    delete env.FORCE_COLOR;
    if (options.env?.FORCE_COLOR) env.FORCE_COLOR = options.env.FORCE_COLOR;
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? "");
  });
}

/** JSON Schema validators as consumers run them: with `format` (dates) checked, not ignored. */
export function withFormats<T extends Ajv>(ajv: T): T {
  // ajv-formats is CommonJS: under NodeNext its function may sit on `default`.
  const module = addFormatsModule as unknown as { default?: (a: Ajv) => Ajv } & ((a: Ajv) => Ajv);
  (module.default ?? module)(ajv);
  return ajv;
}

#!/usr/bin/env node
// Runs action.yml's steps as the GitHub runner would, from a separate temporary repository that
// holds only a plan file: the action is a fresh copy of this checkout (no node_modules, no
// dist), each `run:` step is written to a file and run with `bash --noprofile --norc -eo
// pipefail` after its ${{ }} expressions are substituted, with GITHUB_ACTION_PATH,
// GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY and a fresh GITHUB_OUTPUT per step. The first scenario
// uses the `with:` of examples/github/social-audit.yml, which must also appear verbatim in the
// README. Prints one line per scenario; exits 1 if any fails. Usage: node .ci/action-test.mjs
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const tmp = mkdtempSync(join(tmpdir(), "social-audit-action-"));
const actionPath = join(tmp, "action");
const workspace = join(tmp, "repo");
const runnerTemp = join(tmp, "runner-temp");
const failures = [];

/** The action as `uses: owner/repo@ref` fetches it: the repository's files, nothing built. */
function copyCheckout() {
  const files = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  )
    .split("\0")
    .filter((file) => file && existsSync(join(ROOT, file)));
  for (const file of files) cpSync(join(ROOT, file), join(actionPath, file), { recursive: true });
}

function git(...args) {
  execFileSync("git", ["-c", "user.name=ci", "-c", "user.email=ci@example.invalid", ...args], {
    cwd: workspace,
    stdio: "ignore",
  });
}

/** The subset of the expression language action.yml uses; anything else is an error here. */
function evaluate(expression, context) {
  const text = expression.trim();
  let match;
  if (text === "github.action_path") return actionPath;
  if (text === "runner.temp") return runnerTemp;
  if ((match = /^inputs\.([\w-]+)$/.exec(text))) {
    if (!(match[1] in context.inputs)) throw new Error(`unknown input ${match[1]}`);
    return context.inputs[match[1]];
  }
  if ((match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(text)))
    return context.steps[match[1]]?.[match[2]] ?? "";
  if ((match = /^(.+?)\s*==\s*'([^']*)'$/.exec(text)))
    return String(evaluate(match[1], context) === match[2]);
  throw new Error(`expression not understood by this test: ${text}`);
}

const substitute = (value, context) =>
  String(value).replace(/\$\{\{(.*?)\}\}/g, (_, expression) => evaluate(expression, context));

function parseOutputs(file) {
  const outputs = {};
  const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n") : [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([\w-]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body = [];
      while (++i < lines.length && lines[i] !== heredoc[2]) body.push(lines[i]);
      outputs[heredoc[1]] = body.join("\n");
    } else if (line.includes("=")) {
      outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return outputs;
}

/** Runs the action's steps; `only` lists the step ids to run (the install runs once). */
function runAction(action, withInputs, only) {
  for (const key of Object.keys(withInputs))
    if (!(key in action.inputs)) throw new Error(`the action has no input "${key}"`);
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([key, spec]) => [
      key,
      String(withInputs[key] ?? spec.default ?? ""),
    ]),
  );
  const context = { inputs, steps: {} };
  const summary = join(tmp, `summary-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(summary, "");
  let stdout = "";
  let stderr = "";
  let code = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    const id = step.id ?? `step${index}`;
    if (only && !only.includes(id)) continue;
    if (step.if !== undefined && substitute(`\${{ ${step.if} }}`, context) !== "true") continue;
    if (step.uses) {
      throw new Error(
        `the runner would run ${step.uses} here (step "${step.name}"); this test cannot`,
      );
    }
    const script = join(runnerTemp, `step-${index}.sh`);
    writeFileSync(script, substitute(step.run, context));
    const output = join(runnerTemp, `output-${index}-${Date.now()}`);
    writeFileSync(output, "");
    const env = {
      ...process.env,
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: runnerTemp,
      // Not the runner's, only this machine's: reuse npm's cache instead of asking the registry
      // again about every locked package (the lockfile pins them either way).
      npm_config_prefer_offline: "true",
      ...Object.fromEntries(
        Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(value, context)]),
      ),
    };
    const cwd = step["working-directory"]
      ? substitute(step["working-directory"], context)
      : workspace;
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd,
      env,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    stdout += result.stdout;
    stderr += result.stderr;
    context.steps[id] = parseOutputs(output);
    code = result.status ?? 1;
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([key, spec]) => [key, substitute(spec.value, context)]),
  );
  return { code, stdout, stderr, outputs, summary: readFileSync(summary, "utf8") };
}

function check(name, fn) {
  try {
    fn();
    console.log(`ok   ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(
      `FAIL ${name}\n     ${String(error instanceof Error ? error.message : error).replaceAll("\n", "\n     ")}`,
    );
  }
}

function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function expectThat(condition, what, run) {
  if (!condition)
    throw new Error(
      `${what}${run ? `\n--- stdout\n${run.stdout.slice(-3000)}\n--- stderr\n${run.stderr.slice(-3000)}` : ""}`,
    );
}

try {
  mkdirSync(runnerTemp, { recursive: true });
  copyCheckout();
  mkdirSync(workspace);
  // Spoke & Chain Cycles: scores 42.1 (emerging) and declares `thresholds: overall: 50`.
  cpSync(join(ROOT, "examples", "bike-shop.yaml"), join(workspace, "social-plan.yaml"));
  git("init", "-q");
  git("add", "social-plan.yaml");
  git("commit", "-qm", "plan");

  const action = parse(readFileSync(join(actionPath, "action.yml"), "utf8"));
  const workflowText = readFileSync(
    join(actionPath, "examples", "github", "social-audit.yml"),
    "utf8",
  );
  const workflow = parse(workflowText);
  const exampleStep = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((step) => /social-audit@/.test(step.uses ?? ""));

  check("README shows examples/github/social-audit.yml exactly", () => {
    const readme = readFileSync(join(actionPath, "README.md"), "utf8");
    expectThat(
      readme.includes("```yaml\n" + workflowText + "```"),
      "README has no ```yaml block equal to the example workflow",
    );
    expectThat(exampleStep, "the example workflow has no step using the action");
  });

  check(
    "the example workflow's step: installs from the checkout, fails its gate, reports everything",
    () => {
      const run = runAction(action, exampleStep.with);
      expectEqual(run.code, 1, "exit code (42.1 is below fail-under 50)");
      expectEqual(run.outputs.score, "42.1", "score output");
      expectEqual(run.outputs.level, "emerging", "level output");
      expectEqual(run.outputs.passed, "false", "passed output");
      expectEqual(
        run.outputs["sarif-file"],
        "social-audit/social-audit.sarif",
        "sarif-file output",
      );
      expectThat(
        run.outputs.reports.split("\n").includes("social-audit/social-audit.sarif"),
        "reports output lists the SARIF file",
      );
      const sarif = JSON.parse(readFileSync(join(workspace, run.outputs["sarif-file"]), "utf8"));
      expectEqual(sarif.version, "2.1.0", "SARIF version");
      expectThat(sarif.runs[0].results.length > 0, "SARIF has results");
      expectThat(
        run.summary.includes("Spoke &amp; Chain Cycles") ||
          run.summary.includes("Spoke & Chain Cycles"),
        "job summary names the plan",
        run,
      );
      expectThat(
        /^::warning file=social-plan\.yaml,line=\d+/m.test(run.stdout),
        "annotations at the plan's lines",
        run,
      );
      expectThat(/^::error /m.test(run.stdout), "an ::error for the failed gate", run);
      expectThat(
        run.stderr.includes("below threshold: overall 42.1 < 50.0"),
        "the log says which threshold failed",
        run,
      );
    },
  );

  const audit = (inputs) => runAction(action, inputs, ["node", "audit"]);
  check("a passing gate passes the step", () => {
    const run = audit({ "fail-under": "40", min: "presence=10 planning=10" });
    expectEqual(run.code, 0, "exit code");
    expectEqual(run.outputs.passed, "true", "passed output");
  });
  check("the plan's own threshold gates by default", () => {
    expectEqual(audit({}).code, 1, "exit code (plan says overall 50)");
  });
  check("plan-thresholds: false ignores it", () => {
    const run = audit({ "plan-thresholds": "false" });
    expectEqual(run.code, 0, "exit code");
    expectEqual(run.outputs.passed, "true", "passed output");
  });
  check("exit-zero: true reports a failing gate without failing the step", () => {
    const run = audit({ "fail-under": "90", "exit-zero": "true" });
    expectEqual(run.code, 0, "exit code");
    expectEqual(run.outputs.passed, "false", "passed output");
    expectThat(/^::error /m.test(run.stdout), "the failed gate is still annotated", run);
  });
  check("every report format is written where asked", () => {
    const run = audit({
      formats: "json jsonl markdown html junit sarif table",
      "output-dir": "out/reports",
      "exit-zero": "true",
    });
    expectEqual(run.code, 0, "exit code");
    const expected = ["json", "jsonl", "md", "html", "xml", "sarif", "txt"].map(
      (ext) => `out/reports/social-audit.${ext}`,
    );
    expectEqual(run.outputs.reports.split("\n"), expected, "reports output");
    for (const file of expected) expectThat(existsSync(join(workspace, file)), `${file} exists`);
  });
  check("a top input bounds the annotations", () => {
    const few = audit({ top: "1", "plan-thresholds": "false" });
    const more = audit({ top: "5", "plan-thresholds": "false" });
    const count = (run) =>
      run.stdout
        .split("\n")
        .filter((line) => line.startsWith("::warning") || line.startsWith("::notice")).length;
    expectThat(count(few) > 0, "annotations present", few);
    expectThat(
      count(few) <= count(more),
      `top 1 gives no more annotations than top 5 (${count(few)} vs ${count(more)})`,
    );
  });

  check("top bounds the summary and annotations, never the report files", () => {
    const few = audit({ top: "1", formats: "sarif", "plan-thresholds": "false" });
    const results = (text) => JSON.parse(text).runs[0].results.length;
    const whole = execFileSync(
      process.execPath,
      [
        join(ROOT, "bin", "social-audit.js"),
        "audit",
        "social-plan.yaml",
        "--format",
        "sarif",
        "--no-plan-thresholds",
      ],
      { cwd: workspace, encoding: "utf8" },
    );
    const written = readFileSync(join(workspace, few.outputs["sarif-file"]), "utf8");
    expectThat(results(whole) > 1, "the plan has more than one recommendation");
    expectEqual(results(written), results(whole), "SARIF results with top 1");
  });

  mkdirSync(join(workspace, "plans", "east"), { recursive: true });
  cpSync(join(ROOT, "examples", "bakery.yaml"), join(workspace, "plans", "east", "bakery.yaml"));
  cpSync(join(ROOT, "examples", "b2b-living.yaml"), join(workspace, "plans", "b2b.yaml"));
  check("globs (with **) audit several plans; score is the lowest", () => {
    const run = audit({ plans: "plans/**/*.yaml", "plan-thresholds": "false" });
    expectEqual(run.code, 0, "exit code");
    expectEqual(run.outputs.score, "9.7", "lowest score");
    expectEqual(run.outputs.level, "existing", "its level");
  });
  check("a glob that matches nothing fails the step with exit 2", () => {
    const run = audit({ plans: "missing/*.yaml" });
    expectEqual(run.code, 2, "exit code");
    expectThat(
      run.stdout.includes('::error title=social-audit::no plan file matches "missing/*.yaml"'),
      "says which glob",
      run,
    );
  });
  writeFileSync(
    join(workspace, "broken.yaml"),
    "organization: Broken\nanswers:\n  presence:\n    response-time: soon\n",
  );
  check("an invalid plan fails the step with exit 2, even with exit-zero", () => {
    const run = audit({ plans: "social-plan.yaml broken.yaml", "exit-zero": "true" });
    expectEqual(run.code, 2, "exit code");
    expectEqual(run.outputs.passed, "false", "passed output");
    expectThat(run.stderr.includes("broken.yaml:4:"), "the log points at the line", run);
    expectThat(run.summary.includes("[!CAUTION]"), "the job summary says so", run);
  });
  check("a missing plan fails the step with exit 2", () => {
    const run = audit({ plans: "nope.yaml", "exit-zero": "true" });
    expectEqual(run.code, 2, "exit code");
    expectEqual(run.outputs.passed, "false", "passed output");
  });
  check("a bad input value fails the step with exit 2", () => {
    expectEqual(audit({ "exit-zero": "yes" }).code, 2, "exit-zero: yes");
    expectEqual(audit({ formats: "pdf" }).code, 2, "formats: pdf");
    expectEqual(audit({ "fail-under": "high" }).code, 2, "fail-under: high");
  });
} catch (error) {
  failures.push("setup");
  console.log(`FAIL setup: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log(
  failures.length === 0
    ? "action test: all passed"
    : `action test: ${failures.length} failed: ${failures.join("; ")}`,
);
process.exitCode = failures.length === 0 ? 0 : 1;

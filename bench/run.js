// npm run bench: start-up and scale figures for social-audit, printed with ratios and targets.
// Measured here, never asserted in tests: timings depend on the machine.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { loadRubrics } from "../dist/io/load-rubrics.js";
import { answer, random, writeFoldedPlans } from "./folded-plans.js";
import { workerCount } from "../dist/audit/jobs.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "social-audit.js");
const out = join(root, "bench", ".out");
const rssFile = join(out, "rss.txt");
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function run(args, { cwd = root, rss = false } = {}) {
  const env = { ...process.env, NO_COLOR: "1" };
  if (rss) {
    env.BENCH_RSS_FILE = rssFile;
    env.NODE_OPTIONS = `--require ${join(root, "bench", "max-rss.cjs")}`;
  }
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd,
    env,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

function peakMiB(args, options = {}) {
  writeFileSync(rssFile, "");
  run(args, { ...options, rss: true });
  const kib = Math.max(...readFileSync(rssFile, "utf8").trim().split("\n").map(Number));
  return kib / 1024;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Times commands in turn (a, b, c, a, b, c, ...) rather than one after another, so a slow
 * spell on a shared machine falls on all of them alike and the ratios stay fair.
 */
function timedTogether(commands) {
  for (const { args } of commands) for (let i = 0; i < 3; i++) run(args); // warm the file cache
  const times = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) commands.forEach(({ args }, c) => times[c].push(run(args)));
  return commands.map(({ label }, c) => ({
    label,
    median: median(times[c]),
    min: Math.min(...times[c]),
  }));
}

const fmt = (n, digits = 1) => n.toFixed(digits);
const verdict = (ok) => (ok ? "meets target" : "MISSES target");

console.log(
  `social-audit bench: node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, ${RUNS} runs each\n`,
);

// Start-up, against bare node.
const [bare, version, audit, tableAudit] = timedTogether([
  { label: "node -e 0", args: ["-e", "0"] },
  { label: "social-audit --version", args: [bin, "--version"] },
  {
    label: "social-audit audit examples/bakery.yaml --format json",
    args: [bin, "audit", "examples/bakery.yaml", "--format", "json"],
  },
  {
    label: "social-audit audit examples/bakery.yaml (table)",
    args: [bin, "audit", "examples/bakery.yaml"],
  },
]);
const auditMiB = peakMiB([bin, "audit", "examples/bakery.yaml", "--format", "json"]);
console.log("Start-up (wall time, median and fastest)");
for (const t of [bare, version, audit, tableAudit]) {
  console.log(
    `  ${t.label.padEnd(58)} ${fmt(t.median).padStart(7)} ms  (min ${fmt(t.min)})  x${fmt(t.median / bare.median, 2)} of bare node`,
  );
}
console.log(`  audit peak memory: ${fmt(auditMiB)} MiB`);
console.log(
  `  target: audit within 1.5x of bare node: x${fmt(audit.median / bare.median, 2)}, ${verdict(audit.median / bare.median <= 1.5)}; table x${fmt(tableAudit.median / bare.median, 2)}, ${verdict(tableAudit.median / bare.median <= 1.5)}; under 70 MiB: ${verdict(auditMiB < 70)}\n`,
);

// Scale: thousands of varied plans audited in one process, streamed as JSON Lines.
const { rubrics } = await loadRubrics();
const next = random(42);
// Short text answers here; bench/folded-plans.js writes the long, folded kind.
const note = () => `Note ${Math.floor(next() * 1e6)}`;
function generate(count) {
  const dir = join(out, `plans-${count}`);
  mkdirSync(dir, { recursive: true });
  const names = [];
  for (let i = 0; i < count; i++) {
    const answers = {};
    for (const { rubric } of rubrics.dimensions) {
      answers[rubric.id] = {};
      for (const q of rubric.questions)
        if (next() < 0.9) answers[rubric.id][q.id] = answer(q, next, note);
    }
    const name = `plan-${String(i).padStart(5, "0")}.yaml`;
    writeFileSync(
      join(dir, name),
      stringify({ organization: `Client ${i}`, date: "2026-11-01", answers }),
    );
    names.push(name);
  }
  return { dir, names };
}

const threads = workerCount("auto", Array.from({ length: 10000 }, String), {
  streamed: true,
  baseline: false,
}).threads;
console.log(
  `Scale (one process, --format jsonl -o out.jsonl; --jobs auto = ${threads} thread${threads === 1 ? "" : "s"} on ${availableParallelism()} cores)`,
);
function scaleRun(count, dir, names, extra = []) {
  const target = join(out, `out-${count}.jsonl`);
  const args = [bin, "audit", ...names, "--format", "jsonl", "-o", target, "--force", ...extra];
  run(args, { cwd: dir }); // warm
  const ms = median([run(args, { cwd: dir }), run(args, { cwd: dir }), run(args, { cwd: dir })]);
  const mib = peakMiB(args, { cwd: dir });
  const lines = readFileSync(target, "utf8").trimEnd().split("\n").length;
  if (lines !== count) throw new Error(`expected ${count} reports, got ${lines}`);
  return { count, ms, mib };
}
const line = ({ count, ms, mib }, label) =>
  console.log(
    `  ${String(count).padStart(6)} plans${label}: ${fmt(ms / 1000, 2)} s, ${fmt(count / (ms / 1000), 0)} plans/s, ${fmt((ms / count) * 1000, 0)} us/plan, peak ${fmt(mib)} MiB`,
  );
const scale = [];
let oneThread;
for (const count of [1000, 10000]) {
  const { dir, names } = generate(count);
  scale.push(scaleRun(count, dir, names));
  line(scale[scale.length - 1], "");
  if (count === 1000) {
    // The table format lays out every report; it once cost 55 ms a plan.
    const args = [bin, "audit", ...names, "-o", join(out, "out-1000.txt"), "--force"];
    const ms = median([run(args, { cwd: dir }), run(args, { cwd: dir }), run(args, { cwd: dir })]);
    line({ count, ms, mib: peakMiB(args, { cwd: dir }) }, " (table)");
  }
  if (count === 10000) {
    // Whichever auto did not pick, so the bench shows whether threads win on this machine.
    const other = threads === 1 ? Math.min(availableParallelism(), 4) : 1;
    oneThread = scaleRun(count, dir, names, ["--jobs", String(other)]);
    line(oneThread, ` (--jobs ${other})`);
  }
}
const [small, large] = scale;
// Linear cost shows as a constant price per extra plan; what 1k pays beyond it is fixed cost.
const perPlan = (large.ms - small.ms) / (large.count - small.count);
console.log(
  `  each plan beyond 1k: ${fmt(perPlan * 1000, 0)} us (linear); fixed cost (start-up, threads): ${fmt(Math.max(0, small.ms - perPlan * small.count) / 1000, 2)} s`,
);
console.log(
  `  target: 10k under 3 s: ${verdict(large.ms < 3000)}; under 200 MiB: ${verdict(large.mib < 200)}`,
);
const folded = join(out, "folded-10000");
line(
  scaleRun(10000, folded, writeFoldedPlans(rubrics, 10000, folded)),
  " by yaml.stringify (folded)",
);

// Portfolio: 10,000 plans gathered into one table in one process (issue 15). Reuses the
// scale plans above; audit's 10k figure is the yardstick.
{
  const count = 10000;
  const dir = join(out, `plans-${count}`);
  const { names } = existsSync(dir) ? { names: readdirSync(dir) } : generate(count);
  const target = join(out, "portfolio.json");
  const args = [bin, "portfolio", ...names, "--json", "-o", target, "--force"];
  run(args, { cwd: dir }); // warm
  const ms = median([run(args, { cwd: dir }), run(args, { cwd: dir }), run(args, { cwd: dir })]);
  const mib = peakMiB(args, { cwd: dir });
  const rows = JSON.parse(readFileSync(target, "utf8")).rows.length;
  if (rows !== count) throw new Error(`expected ${count} portfolio rows, got ${rows}`);
  console.log(
    `\nPortfolio (one process, --json -o portfolio.json)\n  ${count} plans: ${fmt(ms / 1000, 2)} s, ${fmt(count / (ms / 1000), 0)} plans/s, peak ${fmt(mib)} MiB; audit of the same plans: ${fmt(large.ms / 1000, 2)} s (--jobs 1: ${fmt(oneThread.ms / 1000, 2)} s)`,
  );
  console.log(
    `  target: no slower than audit: x${fmt(ms / large.ms, 2)}, ${verdict(ms <= large.ms)}; under 200 MiB: ${verdict(mib < 200)}`,
  );
}
rmSync(out, { recursive: true, force: true });

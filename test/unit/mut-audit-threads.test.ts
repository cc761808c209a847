import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AuditRequest } from "../../src/audit/index.js";
import type { AuditedBatch } from "../../src/audit/outcome.js";
import type { WorkerSetup } from "../../src/audit/workers.js";
import { rubricSet } from "./builders.js";

/*
 * When auditPlans hands a run to worker threads, and what it hands them. The threads
 * themselves load the built bundle (tested end to end); here they are replaced by a fake
 * that records its call, and the machine is given 4 cores so the decision does not depend
 * on the one running the tests.
 */

const calls = vi.hoisted(
  () => [] as { sources: readonly string[]; jobs: number; setup: unknown }[],
);

vi.mock("node:os", async (importOriginal) => ({
  ...(await importOriginal<typeof import("node:os")>()),
  availableParallelism: () => 4,
}));

vi.mock("../../src/audit/workers.js", () => ({
  async *auditInWorkers(
    sources: readonly string[],
    jobs: number,
    setup: WorkerSetup,
  ): AsyncGenerator<AuditedBatch> {
    calls.push({ sources, jobs, setup });
    await Promise.resolve();
    yield { outcomes: [{ source: "from-workers", failed: [] }], output: new Uint8Array([1]) };
  },
}));

let auditPlans: typeof import("../../src/audit/index.js").auditPlans;
beforeAll(async () => {
  // Fresh modules, so jobs.ts sees the mocked cores even where test files share modules.
  vi.resetModules();
  ({ auditPlans } = await import("../../src/audit/index.js"));
});
afterAll(() => {
  vi.resetModules();
});

const settings = { toolVersion: "9.9.9", strict: false, thresholds: {} };
const options = { top: 5, color: false, width: 80 };
// 17 plans are two batches of 16: enough for two threads. None exists: only workers read them.
const sources = Array.from({ length: 17 }, (_, i) => `missing-${i}.yaml`);
const request = (extra: Partial<AuditRequest>): AuditRequest => ({
  sources,
  cwd: "/plans",
  stdin: Object.assign(Readable.from([""]), { isTTY: false }),
  rubrics: rubricSet(),
  rubricSources: { paths: ["/rubrics"], builtin: false },
  settings,
  jobs: 2,
  ...extra,
});

async function run(req: AuditRequest) {
  calls.length = 0;
  const batches: AuditedBatch[] = [];
  for await (const batch of auditPlans(req)) batches.push(batch);
  return batches;
}

describe("auditPlans on worker threads", () => {
  it("a streamed run of two batches goes to two threads, with all they need", async () => {
    const batches = await run(request({ stream: { format: "jsonl", options } }));
    expect(calls).toEqual([
      {
        sources,
        jobs: 2,
        setup: {
          cwd: "/plans",
          rubrics: { paths: ["/rubrics"], builtin: false },
          settings,
          format: "jsonl",
          renderOptions: options,
        },
      },
    ]);
    // What the threads yield is passed on as it is, and nothing is audited here.
    expect(batches).toEqual([
      { outcomes: [{ source: "from-workers", failed: [] }], output: new Uint8Array([1]) },
    ]);
  });

  it("a run that is not streamed stays in this thread, whatever was asked", async () => {
    const batches = await run(request({}));
    expect(calls).toEqual([]);
    expect(batches.map((b) => b.outcomes[0]?.source)).toEqual(sources);
  });

  it("a streamed run asking for one thread stays in this thread", async () => {
    const batches = await run(request({ stream: { format: "jsonl", options }, jobs: 1 }));
    expect(calls).toEqual([]);
    expect(batches).toHaveLength(17);
  });
});

/*
 * Auditing thousands of plans to a streamed format (jsonl, github) is CPU-bound and each
 * plan is independent, so it is spread over worker threads. Each worker loads the rubrics
 * itself and sends back each batch's output already encoded, in a buffer that is moved to
 * the main thread rather than copied (and never report objects, which would be cloned).
 * Once written, the buffer is moved back for the worker's next batch, so hundreds of
 * megabytes of output pass through a handful of buffers instead of piling up as garbage.
 * The main thread only writes, in plan order, so it does not compete with the workers.
 */

import { join, resolve } from "node:path";
import { Worker, parentPort, workerData } from "node:worker_threads";
import type { ThresholdCheck } from "../core/report-schema.js";
import { UserError, type Diagnostic } from "../errors.js";
import { loadRubrics, type RubricSources } from "../io/load-rubrics.js";
import { packageInfo } from "../io/package-root.js";
import { readTextFileSync } from "../io/read-text.js";
import { loadRenderer, type Format, type RenderOptions } from "../render/index.js";
import { auditPlanText, type AuditSettings } from "./audit-plan.js";
import { PLANS_PER_BATCH } from "./jobs.js";
import { errorRecord, type AuditedBatch, type PlanOutcome } from "./outcome.js";

/** What a worker needs to audit plans exactly as the main thread would; plain data. */
export interface WorkerSetup {
  cwd: string;
  rubrics: RubricSources;
  settings: AuditSettings;
  format: Format;
  renderOptions: RenderOptions;
}

/** A plan's outcome as it crosses threads: errors as plain data, rebuilt as UserError on arrival. */
type WorkerOutcome =
  | { source: string; failed: ThresholdCheck[]; warnings?: Diagnostic[]; stale?: number }
  | {
      source: string;
      error: { message: string; diagnostics: readonly Diagnostic[]; hint?: string | undefined };
    };

type Request = { batch: number; sources: string[] } | { recycle: ArrayBuffer };

type Reply =
  | { batch: number; outcomes: WorkerOutcome[]; output: Uint8Array }
  | { batch: number; fatal: string };

/** Batches handed to a worker ahead of time, so it never waits for the next one. */
const AHEAD = 2;
/**
 * Worker heaps are sized for the job. V8's default young generation (tens of megabytes a
 * thread) made two workers cost more than the whole single-threaded process, while much
 * smaller ones made garbage collection eat the gain (2 MB: ~3.5 s for 10,000 plans; 8 MB:
 * ~2.6 s). A cap on the old generation keeps its growth in check; 256 MB is still room for
 * `yaml` to read the largest hostile plan the size limit lets through, so it is refused
 * here as in one thread.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 };

function fromWorker(outcome: WorkerOutcome): PlanOutcome {
  if (!("error" in outcome)) return outcome;
  const { message, diagnostics, hint } = outcome.error;
  return { source: outcome.source, error: new UserError(message, diagnostics, hint) };
}

/** Yields the plans' batches in order, auditing them on `jobs` worker threads. */
export async function* auditInWorkers(
  sources: readonly string[],
  jobs: number,
  setup: WorkerSetup,
): AsyncGenerator<AuditedBatch & { output: Uint8Array }> {
  const batches: string[][] = [];
  for (let i = 0; i < sources.length; i += PLANS_PER_BATCH)
    batches.push(sources.slice(i, i + PLANS_PER_BATCH));
  // The worker runs the built bundle (through the code cache, as the CLI does); tests build
  // before they run (vitest's globalSetup), so it is never older than the source.
  const entry = join(packageInfo().root, "bin", "audit-worker.js");
  const workers = Array.from(
    { length: Math.min(jobs, batches.length) },
    () => new Worker(entry, { workerData: setup, resourceLimits: WORKER_LIMITS }),
  );

  const done = new Map<number, { outcomes: PlanOutcome[]; output: Uint8Array; worker: Worker }>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let nextToSend = 0;
  let nextToYield = 0;
  let finished = false;
  // Batches go out only a bounded distance ahead of what has been written, so a slow reader
  // (a pipe to jq) holds finished text for a few batches, not for the whole run.
  const window = workers.length * (AHEAD + 1);
  const idle: Worker[] = [...workers];
  const pump = () => {
    while (idle.length > 0 && nextToSend < batches.length && nextToSend < nextToYield + window) {
      const worker = idle.shift() as Worker;
      worker.postMessage({
        batch: nextToSend,
        sources: batches[nextToSend] as string[],
      } satisfies Request);
      nextToSend++;
    }
  };
  for (const worker of workers) {
    worker.on("message", (reply: Reply) => {
      if ("fatal" in reply) failure ??= new Error(reply.fatal);
      else
        done.set(reply.batch, {
          outcomes: reply.outcomes.map(fromWorker),
          output: reply.output,
          worker,
        });
      idle.push(worker);
      pump();
      wake?.();
    });
    worker.on("error", (error) => {
      failure ??= error;
      wake?.();
    });
    worker.on("exit", (code) => {
      // Workers end only when terminated below; any other exit would leave batches unanswered.
      if (!finished)
        failure ??= new Error(`an audit worker stopped unexpectedly (exit code ${code})`);
      wake?.();
    });
  }
  // Each worker starts with AHEAD batches queued, so it never waits for the next one.
  for (let i = 1; i < AHEAD; i++) idle.push(...workers);
  pump();

  try {
    for (; nextToYield < batches.length; nextToYield++) {
      while (!done.has(nextToYield) && !failure)
        await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const { outcomes, output, worker } = done.get(nextToYield) as {
        outcomes: PlanOutcome[];
        output: Uint8Array;
        worker: Worker;
      };
      done.delete(nextToYield);
      yield { outcomes, output };
      worker.postMessage({ recycle: output.buffer as ArrayBuffer } satisfies Request, [
        output.buffer as ArrayBuffer,
      ]);
      pump();
    }
  } finally {
    finished = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** The worker side: load what every plan needs once, then audit batches as they arrive. */
export async function runAuditWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("runAuditWorker must run in a worker thread");
  const setup = workerData as WorkerSetup;
  const [{ rubrics }, renderer] = await Promise.all([
    loadRubrics(setup.rubrics),
    loadRenderer(setup.format),
  ]);
  const render = renderer.stream ?? renderer.report;
  const encoder = new TextEncoder();
  const spare: ArrayBuffer[] = [];
  /** The batch's text as UTF-8 in a spare buffer if one is big enough, else in a new one. */
  const encode = (text: string): Uint8Array => {
    const reused = spare.pop();
    if (reused) {
      const { read, written } = encoder.encodeInto(text, new Uint8Array(reused));
      if (read === text.length) return new Uint8Array(reused, 0, written);
    }
    const fresh = new Uint8Array(text.length * 3);
    return fresh.subarray(0, encoder.encodeInto(text, fresh).written);
  };
  port.on("message", (request: Request) => {
    if ("recycle" in request) {
      spare.push(request.recycle);
      return;
    }
    const { batch, sources } = request;
    try {
      const texts: string[] = [];
      const outcomes = sources.map((source): WorkerOutcome => {
        try {
          const text = readTextFileSync(resolve(setup.cwd, source), source);
          let warnings: Diagnostic[] | undefined;
          const report = auditPlanText(
            { source, display: source, text },
            rubrics,
            setup.settings,
            undefined,
            (found) => (warnings = found),
          );
          texts.push(render(report, setup.renderOptions));
          return {
            source,
            failed: report.thresholds.checks.filter((c) => !c.passed),
            stale: report.stale?.length ?? 0,
            ...(warnings ? { warnings } : {}),
          };
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          if (renderer.streamError)
            texts.push(renderer.streamError(errorRecord(source, error), setup.renderOptions));
          return {
            source,
            error: { message: error.message, diagnostics: error.diagnostics, hint: error.hint },
          };
        }
      });
      const output = encode(texts.join(""));
      port.postMessage({ batch, outcomes, output } satisfies Reply, [output.buffer as ArrayBuffer]);
    } catch (error) {
      // A bug, not a bad plan: the main thread reports it as an internal error.
      port.postMessage({
        batch,
        fatal: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies Reply);
    }
  });
}

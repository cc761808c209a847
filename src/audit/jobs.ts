import { availableParallelism } from "node:os";

/** Plans per message to a worker: large enough that messaging costs little, small enough to keep workers evenly busy. */
export const PLANS_PER_BATCH = 16;

/**
 * From this many cores, `--jobs auto` audits on worker threads. Measured with `npm run bench`
 * on 2 cores with rubrics 2.0 (39 questions, ~35 KB of JSON per report): 10,000 plans took
 * 6.42 s on two threads against 8.20 s on one. (With the smaller 1.x rubrics one thread had
 * won: the threads' start-up and the main thread's writing outweighed the work they shared.)
 * The main thread only writes, in order, so it needs no core of its own.
 */
export const AUTO_THREADS_FROM_CORES = 2;

/**
 * Below this many plans, starting workers costs as much as it saves: on 2 cores 1,000 plans
 * took 1.03-1.14 s on one thread and 1.20-1.23 s on two; 10,000 took 6.93 s against 5.64 s.
 */
const PARALLEL_FROM = 2000;

/**
 * Each worker holds its own copy of the code and rubrics (~30 MB); beyond a few, the main
 * thread's writing is the limit, so "auto" stops there.
 */
const MAX_AUTO_JOBS = 4;

export interface JobsDecision {
  threads: number;
  /** Said on stderr when the request was lowered (more threads than cores). */
  note?: string | undefined;
}

/**
 * How many threads audit a run. Only streamed formats can use workers; a baseline or stdin
 * keeps the audit in this thread, and so does `--jobs 1`. An explicit count is capped at the
 * number of cores: more threads than cores only cost memory.
 */
export function workerCount(
  jobs: number | "auto",
  plans: readonly string[],
  options: { streamed: boolean; baseline: boolean },
  cores = availableParallelism(),
): JobsDecision {
  if (!options.streamed || options.baseline || plans.includes("-")) return { threads: 1 };
  const batches = Math.ceil(plans.length / PLANS_PER_BATCH);
  if (jobs === "auto") {
    // Stryker disable next-line ConditionalExpression: with AUTO_THREADS_FROM_CORES at 2, one core also gets one thread from the line below
    if (cores < AUTO_THREADS_FROM_CORES || plans.length < PARALLEL_FROM) return { threads: 1 };
    return { threads: Math.max(1, Math.min(cores, MAX_AUTO_JOBS, batches)) };
  }
  const capped = Math.min(jobs, cores);
  const note =
    capped < jobs
      ? `--jobs ${jobs} is more than the ${cores} cores here; using ${capped} threads`
      : undefined;
  return { threads: Math.max(1, Math.min(capped, batches)), note };
}

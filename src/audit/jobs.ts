import { availableParallelism } from "node:os";

/** Plans per message to a worker: large enough that messaging costs little, small enough to keep workers evenly busy. */
export const PLANS_PER_BATCH = 16;

/**
 * Below this many cores, `--jobs auto` stays in one thread. Measured with `npm run bench` on
 * 2 cores: 10,000 plans took longer on worker threads than in one (each worker loads its
 * own rubrics and code, and the main thread, which writes the output in order, competes
 * with them for the second core), and used more CPU and memory. With 4 cores the main
 * thread has a core of its own and at least two are left for workers, which is where
 * they can win; `--jobs N` asks for threads explicitly on any machine.
 */
export const AUTO_THREADS_FROM_CORES = 4;

/** Below this many plans, starting workers costs more than it saves. */
const PARALLEL_FROM = 500;

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
    if (cores < AUTO_THREADS_FROM_CORES || plans.length < PARALLEL_FROM) return { threads: 1 };
    return { threads: Math.max(1, Math.min(cores - 1, MAX_AUTO_JOBS, batches)) };
  }
  const capped = Math.min(jobs, cores);
  const note =
    capped < jobs
      ? `--jobs ${jobs} is more than the ${cores} cores here; using ${capped} threads`
      : undefined;
  return { threads: Math.max(1, Math.min(capped, batches)), note };
}

import { defineConfig } from "vitest/config";
import base from "../../vitest.config.js";

/**
 * Unit tests only, for Stryker to run against each mutant: the e2e tests spawn the built CLI,
 * which never contains a mutant. (Not mergeConfig: it would append to `include`, not replace it.)
 * Every mutant reruns the unit tests that reach it, so the run leaves out what only measures
 * scale: the 50,000-key plans (linear time is the bench's to show; their logic has small
 * tests) run seconds per mutant of the plan validator. The fast reader's differential test
 * runs 10,000 generated documents instead of 100,000, and its property tests 100 runs: a
 * mutant that survives those is looked at by hand, not by ten times as many.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/unit/**/*.test.ts"],
    // One module graph for all test files: re-importing zod, yaml and the core for each file
    // was 40% of a run (57.7 s against 33.6 s for the unit tests); no test depends on it.
    isolate: false,
    testTimeout: 180_000,
    env: { SOCIAL_AUDIT_MUTATION_RUN: "1", FAST_YAML_DOCS: "10000", FAST_YAML_RUNS: "100" },
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the CLI before any test runs (e2e tests and worker threads use the bundle), and
    // checks after the run that no test left a temporary folder behind.
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    // End-to-end tests spawn the built CLI; give slow CI machines room without masking hangs.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

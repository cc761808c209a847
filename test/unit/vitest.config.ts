import { defineConfig } from "vitest/config";
import base from "../../vitest.config.js";

/**
 * Unit tests only, for Stryker to run against each mutant: the e2e tests spawn the built CLI,
 * which never contains a mutant. (Not mergeConfig: it would append to `include`, not replace it.)
 */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ["test/unit/**/*.test.ts"] },
});

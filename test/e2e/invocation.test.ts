import { describe, expect, it } from "vitest";
import { BIN, ROOT, runCli, tempDir } from "../helpers.js";
import { join } from "node:path";

describe("hints use the command the user ran", () => {
  it("node bin/social-audit.js, relative to where it was run", async () => {
    const { code, stderr } = await runCli(["audit", "missing.yaml"], { cwd: ROOT });
    expect(code).toBe(2);
    expect(stderr).toContain("run `node bin/social-audit.js init` to create a plan");
    const inExamples = await runCli(["audit", "missing.yaml"], { cwd: join(ROOT, "examples") });
    expect(inExamples.stderr).toContain("run `node ../bin/social-audit.js init`");
  });

  it("the full path when run from far away, and init's next step too", async () => {
    const { code, stderr } = await runCli(["init", "plan.yaml"], { cwd: tempDir() });
    expect(code).toBe(0);
    expect(stderr).toContain(`then run: node ${BIN} audit plan.yaml`);
  });
});

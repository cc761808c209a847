import { describe, expect, it } from "vitest";
import { invokedAs, withInvocation } from "../../src/cli/invocation.js";

describe("the command hints name", () => {
  it.each([
    [{}, "/usr/local/bin/social-audit", "/home/sam", "social-audit"],
    [
      { npm_command: "exec" },
      "/home/sam/shop/node_modules/.bin/social-audit",
      "/home/sam/shop",
      "npx social-audit",
    ],
    [
      { npm_command: "run-script" },
      "/home/sam/shop/node_modules/.bin/social-audit",
      "/home/sam/shop",
      "social-audit",
    ],
    [{}, "/src/social-audit/bin/social-audit.js", "/src/social-audit", "node bin/social-audit.js"],
    [
      {},
      "/src/social-audit/bin/social-audit.js",
      "/src/social-audit/examples",
      "node ../bin/social-audit.js",
    ],
    [
      {},
      "/src/social-audit/bin/social-audit.js",
      "/home/sam/shop",
      "node /src/social-audit/bin/social-audit.js",
    ],
    // npm's variables leak into children: a script run by its path is still `node PATH`.
    [
      { npm_command: "exec" },
      "/src/social-audit/bin/social-audit.js",
      "/src/social-audit",
      "node bin/social-audit.js",
    ],
    [
      {},
      "/my tools/social-audit/bin/social-audit.js",
      "/home/sam",
      'node "/my tools/social-audit/bin/social-audit.js"',
    ],
  ])("env %j, script %s, cwd %s: %s", (env, script, cwd, expected) => {
    expect(invokedAs(env, script, cwd)).toBe(expected);
  });

  it("rewrites suggested commands and leaves the message prefix alone", () => {
    const message =
      "social-audit: no plan file given\nhint: Pass a plan file (social-audit audit plan.yaml), or run `social-audit init`; see social-audit-docs.";
    expect(withInvocation(message, "npx social-audit")).toBe(
      "social-audit: no plan file given\nhint: Pass a plan file (npx social-audit audit plan.yaml), or run `npx social-audit init`; see social-audit-docs.",
    );
    expect(withInvocation(message, "social-audit")).toBe(message);
    expect(withInvocation(message, undefined)).toBe(message);
  });
});

import { describe, expect, it } from "vitest";
import { schemaReference } from "../../src/cli/commands/init.js";

describe("the schema line init writes", () => {
  it.each([
    // [plan folder, package root, expected]
    ["/work/social-audit/examples", "/work/social-audit", "../schemas/plan.schema.json"],
    ["/work/social-audit", "/work/social-audit", "./schemas/plan.schema.json"],
    [
      "/home/sam/shop",
      "/home/sam/shop/node_modules/social-audit",
      "./node_modules/social-audit/schemas/plan.schema.json",
    ],
    [
      "/home/sam/shop/plans/east",
      "/home/sam/shop/node_modules/social-audit",
      "../../node_modules/social-audit/schemas/plan.schema.json",
    ],
    [
      "/home/sam/shop",
      "/home/sam/shop/node_modules/.pnpm/social-audit@0.1.0/node_modules/social-audit",
      "./node_modules/.pnpm/social-audit@0.1.0/node_modules/social-audit/schemas/plan.schema.json",
    ],
  ])("plan in %s, package in %s: %s", (planDir, root, expected) => {
    expect(schemaReference(planDir, root)).toBe(expected);
  });

  it.each([
    ["/home/sam/shop", "/usr/lib/node_modules/social-audit"], // npm install -g
    ["/home/sam", "/home/sam/.npm/_npx/5e1f/node_modules/social-audit"], // npx cache below the plan
    ["/home/sam/shop", "/home/sam/.npm/_npx/5e1f/node_modules/social-audit"],
    ["/home/sam/shop", "/home/sam/src/social-audit"], // a checkout elsewhere, linked with -g .
  ])("plan in %s, package in %s: no machine path", (planDir, root) => {
    expect(schemaReference(planDir, root)).toBeUndefined();
  });
});

import { toJson } from "./json-text.js";
import { isScored, type Question } from "../core/kinds/index.js";
import { multiCap } from "../core/kinds/multi.js";
import type { RubricSet } from "../core/rubric.js";
import { oneLine } from "../text/sanitize.js";
import { wrapText } from "../text/width.js";

export interface TemplateOptions {
  organization: string;
  date: string;
  /** Path or URL of the plan JSON Schema, for the yaml-language-server modeline; without it, how to add one. */
  schemaRef?: string | undefined;
}

/** Wraps prose into YAML comment lines at a readable width. */
function comment(text: string, indent: string, width = 88): string[] {
  return wrapText(oneLine(text), width - indent.length - 2).map((line) => `${indent}# ${line}`);
}

function allowed(q: Question): string {
  switch (q.kind) {
    case "choice":
      return `one of: ${q.choices.map((c) => c.value).join(" | ")}`;
    case "multi":
      return `a list of any of: ${q.options.map((o) => o.value).join(", ")} (full marks at ${multiCap(q)} points)`;
    case "boolean":
      return "true or false";
    case "scale":
      return `a whole number ${q.min}-${q.max}: ${q.labels.map((l, i) => `${q.min + i} ${oneLine(l)}`).join("; ")}`;
    case "number":
      return `a number of ${oneLine(q.unit)} from ${q.min} to ${q.max}`;
    case "text":
      return "free text, not scored";
  }
}

function optionLines(q: Question, indent: string): string[] {
  if (q.kind === "choice")
    return q.choices.map((c) => `${indent}#   ${c.value}: ${oneLine(c.label)}`);
  if (q.kind === "multi")
    return q.options.map((o) => `${indent}#   ${o.value}: ${oneLine(o.label)}`);
  return [];
}

/**
 * A plan with every question present but unanswered, each explained in comments. It is a
 * valid plan as it stands (empty answers are unanswered), so `audit` runs on it at once.
 */
export function planTemplate(rubrics: RubricSet, options: TemplateOptions): string {
  const lines = [
    ...(options.schemaRef === undefined
      ? [
          "# For completion and checking in editors: social-audit schema plan > plan.schema.json,",
          "# then make the first line of this file: # yaml-language-server: $schema=./plan.schema.json",
        ]
      : [`# yaml-language-server: $schema=${options.schemaRef}`]),
    "# social-audit plan. Answer each question after its colon; an empty answer counts as",
    "# unanswered and scores 0. Check it with: social-audit audit <this file>",
    "",
    `organization: ${toJson(options.organization)}`,
    `date: ${options.date}`,
    "# auditor: Your Name",
    "# notes: Context for the report.",
    "",
    "# Optional CI policy: fail the audit below these scores (command-line flags override).",
    "# thresholds:",
    "#   overall: 50",
    "#   dimensions:",
    `#     ${rubrics.dimensions[0]?.rubric.id ?? "planning"}: 40`,
    "",
    "# Optional: weigh dimensions differently (default: each rubric's own weight).",
    "# weights:",
    `#   ${rubrics.dimensions.at(-1)?.rubric.id ?? "relationships"}: 2`,
    "",
    "answers:",
  ];
  for (const { rubric } of rubrics.dimensions) {
    lines.push("", ...comment(`${rubric.title}: ${rubric.description}`, "  "), `  ${rubric.id}:`);
    for (const q of rubric.questions) {
      lines.push(
        "",
        ...comment(q.prompt, "    "),
        ...comment(`Why: ${q.help}`, "    "),
        ...comment(`Answer: ${allowed(q)}${isScored(q) ? "" : ""}`, "    "),
        ...optionLines(q, "    "),
        `    ${q.id}:`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

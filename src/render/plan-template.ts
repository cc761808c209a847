import { toJson } from "./json-text.js";
import { isScored, type Answer, type Question } from "../core/kinds/index.js";
import { multiCap } from "../core/kinds/multi.js";
import { bandText } from "../core/kinds/number.js";
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

const NEEDS_EVIDENCE = " (needs evidence)";
const mark = (o: { needsEvidence?: boolean | undefined }) =>
  o.needsEvidence === true ? NEEDS_EVIDENCE : "";

/** The boolean answer a rubric marks as a claim: the better-scoring one. */
const claimedBoolean = (q: Question & { kind: "boolean" }) => q.scores.yes >= q.scores.no;

function allowed(q: Question): string {
  switch (q.kind) {
    case "choice":
      return `one of: ${q.choices.map((c) => c.value).join(" | ")}`;
    case "multi":
      return `a list of any of: ${q.options.map((o) => o.value).join(", ")} (full marks at ${multiCap(q)} points)`;
    case "boolean":
      return `true or false${q.needsEvidence === true ? ` (${String(claimedBoolean(q))} needs evidence)` : ""}`;
    case "scale":
      return `a whole number ${q.min}-${q.max}: ${q.labels.map((l, i) => `${q.min + i} ${oneLine(l)}`).join("; ")}`;
    case "number": {
      const claims = q.bands
        .filter((b) => b.needsEvidence === true)
        .map((b) => bandText(q, { ...b, label: undefined }));
      const scaled = q.bandScale ? ", scaled to the profile's size" : "";
      return `a number of ${oneLine(q.unit)} from ${q.min} to ${q.max}${claims.length > 0 ? ` (${claims.map(oneLine).join("; ")} needs evidence${scaled})` : ""}`;
    }
    case "text":
      return "free text, not scored";
  }
}

function optionLines(q: Question, indent: string): string[] {
  if (q.kind === "choice")
    return q.choices.map((c) => `${indent}#   ${c.value}: ${oneLine(c.label)}${mark(c)}`);
  if (q.kind === "multi")
    return q.options.map((o) => `${indent}#   ${o.value}: ${oneLine(o.label)}${mark(o)}`);
  return [];
}

/** A claim the rubric wants backed up: where it is, the answer that makes it, and as read. */
interface Claim {
  dimension: string;
  question: string;
  value: Answer;
  text: string;
}

/** Every answer the loaded rubrics mark as needing evidence, in rubric order. */
export function evidenceClaims(rubrics: RubricSet): Claim[] {
  const claims: Claim[] = [];
  for (const { rubric } of rubrics.dimensions) {
    for (const q of rubric.questions) {
      const at = { dimension: rubric.id, question: q.id };
      if (q.kind === "choice")
        for (const c of q.choices.filter((c) => c.needsEvidence === true))
          claims.push({ ...at, value: c.value, text: c.value });
      else if (q.kind === "multi")
        for (const o of q.options.filter((o) => o.needsEvidence === true))
          claims.push({ ...at, value: [o.value], text: `a list with ${o.value}` });
      else if (q.kind === "boolean" && q.needsEvidence === true)
        claims.push({ ...at, value: claimedBoolean(q), text: String(claimedBoolean(q)) });
      else if (q.kind === "number")
        for (const b of q.bands.filter((b) => b.needsEvidence === true))
          claims.push({ ...at, value: b.from, text: oneLine(bandText(q, b)) });
    }
  }
  return claims;
}

/** An answer as a plan would write it: ids and numbers plain, anything else quoted. */
const yamlValue = (value: Answer): string =>
  Array.isArray(value)
    ? `[${value.map(yamlValue).join(", ")}]`
    : typeof value === "string" &&
        (!/^[a-z][a-z0-9-]*$/.test(value) || ["true", "false", "null"].includes(value))
      ? toJson(value)
      : String(value);

/** How to write an answer with evidence, and which answers the rubrics want backed up. */
function evidenceLines(rubrics: RubricSet, date: string): string[] {
  const claims = evidenceClaims(rubrics);
  const first = claims[0];
  const example = first
    ? [
        "#   answers:",
        `#     ${first.dimension}:`,
        `#       ${first.question}: { answer: ${yamlValue(first.value)}, evidence: https://example.org/where-to-find-it, asOf: ${date}, by: Your Name }`,
      ]
    : [
        "#   question-id: { answer: ..., evidence: https://example.org/where-to-find-it, asOf: YYYY-MM-DD, by: Your Name }",
      ];
  return [
    "# Any answer may say what backs it up (a link, or where to find it), the day it was last",
    "# checked and by whom; `answer: n/a` works there too. Plain answers keep working:",
    ...example,
    ...(claims.length > 0
      ? [
          '# These answers are claims to back up (marked "needs evidence" below): without `evidence:`',
          "# the report lists them as unsupported claims, and --require-evidence scores them lower.",
          ...claims.map((c) => `#   ${c.dimension}.${c.question}: ${c.text}`),
        ]
      : []),
    "",
  ];
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
    "# respondent: { name: Your Name, role: Owner }   # who answered (interview --respondent NAME);",
    "#   several people's plans for one organisation are combined by: social-audit audit --merge",
    "",
    "# Who the organisation is: questions that cannot apply to it are set aside (a two-person",
    "# shop is not asked about departments) and some answers scale to its size (weekly hours).",
    "# Without it every question applies. Uncomment and fill in:",
    "# profile:",
    "#   size: micro        # solo (1) | micro (2-9) | small (10-49) | medium (50-249) | large (250+)",
    "#   sector: bike shop",
    "#   regulated: false   # true for health, legal, finance, childcare...",
    "#   audience: b2c      # b2c | b2b | nonprofit | public-sector",
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
    ...evidenceLines(rubrics, options.date),
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

import { Chalk } from "chalk";
import type { Report } from "../core/report-schema.js";
import { oneLine } from "../text/sanitize.js";
import { criticalRecommendations, isAssessed } from "./optional-fields.js";
import { wrapHanging as wrap } from "../text/lines.js";

export interface SummaryInput {
  report: Report;
  /** The dimensions this interview covered; all when empty. */
  dimensions: readonly string[];
  /** The plan file as the person named it. */
  file: string;
  width: number;
  color: boolean;
  /** Who answered (`--respondent`): the summary then says how to merge several people's plans. */
  respondent?: string | undefined;
}

/** Quotes a path for a POSIX shell when it needs it. */
export function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A command on one line, or over several joined by `\` where it does not fit. */
function command(words: readonly string[][], width: number): string[] {
  const lines: string[] = [];
  let line = "  ";
  for (const group of words) {
    const text = group.join(" ");
    if (line.trim() !== "" && line.length + 1 + text.length + 2 > width) {
      lines.push(`${line} \\`);
      line = `      ${text}`;
    } else {
      line = line.trim() === "" ? `${line}${text}` : `${line} ${text}`;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * The screen at the end of an interview: a score per dimension that was assessed, what to
 * fix first, where the plan is, and how to hand the report over.
 */
export function summaryLines(input: SummaryInput): string[] {
  const { report, width } = input;
  const c = new Chalk({ level: input.color ? 1 : 0 });
  const covered = (id: string) => input.dimensions.length === 0 || input.dimensions.includes(id);
  const assessed = report.dimensions.filter((d) => isAssessed(d) && covered(d.id));
  const complete = assessed.length === report.dimensions.length;
  const nameWidth = Math.max(8, ...assessed.map((d) => oneLine(d.title).length));
  const row = (name: string, score: number, level: string) =>
    `  ${name.padEnd(nameWidth)}  ${score.toFixed(1).padStart(5)}  ${oneLine(level)}`;

  const lines = ["", c.bold(`Interview complete: ${oneLine(report.organization)}`), ""];
  for (const d of assessed) lines.push(row(oneLine(d.title), d.score, d.level.label));
  if (complete)
    lines.push(c.bold(row("Overall", report.overall.score, report.overall.level.label)));
  else {
    const left = report.dimensions
      .filter((d) => !assessed.includes(d))
      .map((d) => oneLine(d.title));
    lines.push(
      ...wrap(`  Not assessed in this interview: ${left.join(", ")}.`, width, "    ").map((l) =>
        c.dim(l),
      ),
    );
  }

  const critical = criticalRecommendations(report).filter((r) =>
    assessed.some((d) => d.id === r.dimension),
  );
  lines.push("", c.bold("Fix first"));
  if (critical.length === 0) lines.push("  None: no answer marks a critical finding.");
  critical.slice(0, 5).forEach((r, i) => {
    const title = report.dimensions.find((d) => d.id === r.dimension)?.title ?? r.dimension;
    lines.push(...wrap(`  ${i + 1}. ${oneLine(r.title)} (${oneLine(title)})`, width, "     "));
  });
  if (critical.length > 5) lines.push(`  ... and ${critical.length - 5} more in the report.`);

  const file = shellWord(input.file);
  const scope = input.dimensions.map((d) => ["--dimension", shellWord(d)]);
  const base = file.replace(/\.ya?ml$/i, "").replace(/^'|'$/g, "");
  const out = (ext: string) => shellWord(`${base}-report.${ext}`);
  lines.push(
    "",
    ...wrap(`Saved to ${input.file}`, width, "  "),
    "Hand-overs:",
    ...command(
      [["social-audit", "audit", file], ...scope, ["--format", "markdown", "-o", out("md")]],
      width,
    ),
    ...command(
      [["social-audit", "audit", file], ...scope, ["--format", "html", "-o", out("html")]],
      width,
    ),
    "",
  );
  if (input.respondent !== undefined) {
    // Each respondent's default file is social-plan.<name>.yaml beside this one: one glob takes all.
    const slash = input.file.lastIndexOf("/");
    const own = /^social-plan\.[^/]+\.yaml$/.test(input.file.slice(slash + 1));
    const plans = own
      ? [`${input.file.slice(0, slash + 1)}social-plan.*.yaml`]
      : [file, "OTHER-PLANS..."];
    lines.push(
      ...wrap(
        `Answered by ${oneLine(input.respondent)}. When the others have answered too, one report from everyone's plans:`,
        width,
      ),
      ...command([["social-audit", "audit", "--merge", ...plans]], width),
      "",
    );
  }
  return lines;
}

import type { PlanError } from "../core/envelope.js";
import type { QuestionResult, Report } from "../core/report-schema.js";
import { problemTexts } from "./report-text.js";
import { stripControl } from "../text/sanitize.js";
import type { RenderOptions, Renderer } from "./types.js";

/**
 * CSV for spreadsheets, as RFC 4180 writes it: UTF-8, a header row, CRLF between records,
 * a field quoted when it holds a comma, a quote or a line break, and quotes doubled inside.
 *
 * Text from plans is untrusted and spreadsheets run cells that start with = + - @ (or a tab
 * or carriage return) as formulas, so such text cells get a leading apostrophe (OWASP's
 * advice for CSV injection). Numbers the program computes are written as numbers.
 */

export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = stripControl(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function csvTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvLine(header) + rows.map(csvLine).join("");
}

const DIMENSION_HEADER = [
  "organization",
  "date",
  "plan",
  "overall_score",
  "overall_level",
  "dimension",
  "dimension_title",
  "score",
  "level",
  "questions",
  "answered",
  "recommendations",
  "rubric_version",
  "error",
];

function dimensionRows(report: Report): Cell[][] {
  return report.dimensions.map((d) => [
    report.organization,
    report.date,
    report.source.plan,
    report.overall.score,
    report.overall.level.label,
    d.id,
    d.title,
    d.score,
    d.level.label,
    d.questions.length,
    d.questions.filter((q) => q.answered).length,
    report.recommendations.filter((r) => r.dimension === d.id).length,
    d.rubric.version,
    null,
  ]);
}

/**
 * One row per question. `evidence`, `as_of` and `by` come from answers given with evidence
 * (a later addition to plans); reports without them leave the cells empty, so the columns
 * and their order stay the same either way.
 */
const QUESTION_HEADER = [
  "organization",
  "date",
  "plan",
  "dimension",
  "question",
  "prompt",
  "kind",
  "weight",
  "answer",
  "answer_text",
  "score",
  "status",
  "evidence",
  "as_of",
  "by",
  "line",
  "error",
];

/** Fields other changes add to question results; read when present, never required. */
function optionalText(q: QuestionResult, field: "evidence" | "asOf" | "by"): string | null {
  const value = (q as Partial<Record<typeof field, unknown>>)[field];
  return typeof value === "string" ? value : null;
}

export function questionStatus(q: QuestionResult): string {
  if ((q as { notApplicable?: unknown }).notApplicable === true) return "not-applicable";
  if (!q.answered) return "unanswered";
  if (q.score === null) return "unscored";
  return "answered";
}

function answerCell(answer: QuestionResult["answer"]): Cell {
  return Array.isArray(answer) ? answer.join("; ") : answer;
}

function questionRows(report: Report): Cell[][] {
  return report.dimensions.flatMap((d) =>
    d.questions.map((q) => [
      report.organization,
      report.date,
      report.source.plan,
      d.id,
      q.id,
      q.prompt,
      q.kind,
      q.weight,
      answerCell(q.answer),
      q.answerText,
      q.score === null ? null : Math.round(q.score * 1000) / 10,
      questionStatus(q),
      optionalText(q, "evidence"),
      optionalText(q, "asOf"),
      optionalText(q, "by"),
      q.location?.line,
      null,
    ]),
  );
}

/**
 * A plan (or file) that could not be audited: a row per problem, naming it (and the line, where
 * the layout has a column for it) with the problem in `error`, so it never vanishes from the
 * sheet. Shared with portfolio's CSV.
 */
export function errorRows(error: PlanError, header: readonly string[]): Cell[][] {
  const lines = error.problems.length === 0 ? [error.line] : error.problems.map((p) => p.line);
  return problemTexts(error).map((text, i) =>
    header.map((column) =>
      column === "plan"
        ? error.file
        : column === "line"
          ? lines[i]
          : column === "error"
            ? text
            : null,
    ),
  );
}

function layout(options: RenderOptions) {
  return options.csvRows === "questions"
    ? { header: QUESTION_HEADER, rows: questionRows }
    : { header: DIMENSION_HEADER, rows: dimensionRows };
}

export const csvRenderer: Renderer = {
  report: (report, options) => {
    const { header, rows } = layout(options);
    return csvTable(header, rows(report));
  },
  batch: (reports, options, errors = []) => {
    const { header, rows } = layout(options);
    return csvTable(header, [
      ...reports.flatMap((r) => rows(r)),
      ...errors.flatMap((e) => errorRows(e, header)),
    ]);
  },
};

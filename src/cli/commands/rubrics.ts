import { toJson } from "../../render/json-text.js";
import { isScored, type ScoredQuestion } from "../../core/kinds/index.js";
import type { Critical } from "../../core/schema-parts.js";
import { rubricList, rubricShow } from "../../core/rubrics-json.js";
import { join } from "node:path";
import type { Level, LoadedDimension, RubricSet } from "../../core/rubric.js";
import { EXIT, UsageError, formatDiagnostic, type Diagnostic } from "../../errors.js";
import {
  LEVELS_FILE,
  loadRubricFile,
  loadRubrics,
  rubricFiles,
  unknownLevels,
  type LevelReference,
} from "../../io/load-rubrics.js";
import { builtinRubricsDir, packageInfo } from "../../io/package-root.js";
import { didYouMean } from "../../core/suggest.js";
import { oneLine, stripControl } from "../../text/sanitize.js";
import type { CliIO } from "../io.js";
import { printError, printWarnings } from "../print-error.js";

export interface RubricSourceOptions {
  rubrics?: string[];
  builtin?: boolean;
}

async function load(io: CliIO, options: RubricSourceOptions): Promise<RubricSet> {
  const { rubrics, warnings } = await loadRubrics({
    paths: options.rubrics ?? [],
    builtin: options.builtin !== false,
  });
  printWarnings(io, warnings);
  return rubrics;
}

function originText(d: LoadedDimension): string {
  const from = d.origin.builtin ? `${d.origin.file} (built-in)` : d.origin.file;
  return d.overrides ? `${from}, overriding ${d.overrides.file}` : from;
}

export async function runRubricsList(
  io: CliIO,
  options: RubricSourceOptions & { json?: boolean },
): Promise<number> {
  const rubrics = await load(io, options);
  if (options.json) {
    io.stdout.write(`${toJson(rubricList(rubrics, packageInfo().version), 2)}\n`);
    return EXIT.ok;
  }
  const { default: Table } = await import("cli-table3");
  const table = new Table({
    head: ["Dimension", "Title", "Version", "Questions", "Weight", "Source"],
    style: { head: [], border: [] },
  });
  for (const d of rubrics.dimensions) {
    table.push([
      d.rubric.id,
      oneLine(d.rubric.title),
      d.rubric.version,
      String(d.rubric.questions.length),
      String(d.rubric.weight),
      oneLine(originText(d)),
    ]);
  }
  io.stdout.write(
    `${table.toString()}\nLevels: ${rubrics.levels.map((l) => `${oneLine(l.label)} ${l.from}-${l.to}`).join(", ")} (${rubrics.levelsOrigin.file})\n`,
  );
  return EXIT.ok;
}

export async function runRubricsShow(
  io: CliIO,
  id: string | undefined,
  options: RubricSourceOptions & { json?: boolean },
): Promise<number> {
  const rubrics = await load(io, options);
  const ids = rubrics.dimensions.map((d) => d.rubric.id);
  const chosen =
    id === undefined ? rubrics.dimensions : rubrics.dimensions.filter((d) => d.rubric.id === id);
  if (id !== undefined && chosen.length === 0) {
    throw new UsageError(
      `unknown dimension "${id}"${didYouMean(id, ids)}`,
      `Known dimensions: ${ids.join(", ")}`,
    );
  }
  if (options.json) {
    io.stdout.write(`${toJson(rubricShow(rubrics, chosen, packageInfo().version), 2)}\n`);
    return EXIT.ok;
  }
  io.stdout.write(chosen.map(describeForPeople).join("\n"));
  return EXIT.ok;
}

function describeForPeople(d: LoadedDimension): string {
  const { rubric } = d;
  const lines = [
    `${oneLine(rubric.title)} (${rubric.id} ${rubric.version}, weight ${rubric.weight}, ${oneLine(originText(d))})`,
    `  ${oneLine(rubric.description)}`,
    `  Existing: ${oneLine(rubric.existing)}`,
    `  Living:   ${oneLine(rubric.living)}`,
    "",
  ];
  for (const q of rubric.questions) {
    lines.push(`  ${q.id} [${q.kind}${isScored(q) ? `, weight ${q.weight}` : ", not scored"}]`);
    lines.push(`    ${oneLine(q.prompt)}`);
    if (isScored(q)) lines.push(...questionNotes(q));
    switch (q.kind) {
      case "choice":
        for (const c of q.choices)
          lines.push(`      ${c.value} (${c.score}): ${oneLine(c.label)}${answerMarks(c)}`);
        break;
      case "multi":
        for (const o of q.options)
          lines.push(`      ${o.value} (+${o.score}): ${oneLine(o.label)}`);
        lines.push(`      full marks at ${q.cap ?? q.options.reduce((s, o) => s + o.score, 0)}`);
        break;
      case "scale":
        q.labels.forEach((label, i) => lines.push(`      ${q.min + i}: ${oneLine(label)}`));
        break;
      case "number":
        for (const b of q.bands)
          lines.push(
            `      ${b.from}${b.to === undefined ? "+" : `-${b.to}`} ${q.unit} (${b.score})${b.label ? `: ${oneLine(b.label)}` : ""}${answerMarks(b)}`,
          );
        if (q.bandScale)
          lines.push(
            `      bands scale with size: ${Object.entries(q.bandScale)
              .map(([size, factor]) => `${size} x${factor}`)
              .join(", ")}`,
          );
        break;
      case "boolean": {
        // The claim to back up is the better-scoring answer.
        const claim = q.needsEvidence ? " [needs evidence]" : "";
        const better = q.scores.yes >= q.scores.no;
        lines.push(
          `      true (${q.scores.yes})${better ? claim : ""}, false (${q.scores.no})${better ? "" : claim}`,
        );
        break;
      }
      case "text":
        lines.push("      free text");
        break;
    }
    if (isScored(q))
      lines.push(`    -> ${oneLine(q.recommendation.title)} (${q.recommendation.effort} effort)`);
  }
  return `${lines.join("\n")}\n`;
}

/** What a rubric author set on a question besides its answers: who it applies to, n/a, old ids. */
function questionNotes(q: ScoredQuestion): string[] {
  const notes: string[] = [];
  const when = q.appliesWhen;
  if (when) {
    const parts = [
      when.size && `size ${when.size.join(", ")}`,
      when.regulated !== undefined && (when.regulated ? "regulated" : "not regulated"),
      when.audience && `audience ${when.audience.join(", ")}`,
    ].filter((part): part is string => typeof part === "string");
    notes.push(`    asked only when the profile says: ${parts.join("; ")}`);
  }
  if (q.notApplicable !== undefined) notes.push(`    may be n/a: ${oneLine(q.notApplicable)}`);
  if (q.aliases) notes.push(`    formerly: ${q.aliases.join(", ")}`);
  return notes;
}

/** Marks on an answer: it caps the dimension (critical), or it is a claim that needs evidence. */
function answerMarks(answer: {
  critical?: Critical | undefined;
  needsEvidence?: boolean | undefined;
}) {
  return [
    answer.critical ? ` [critical: caps at ${answer.critical.cap}]` : "",
    answer.needsEvidence ? " [needs evidence]" : "",
  ].join("");
}

/** Validates rubric files or folders, reporting every problem in every file before exiting. */
export async function runRubricsValidate(io: CliIO, paths: string[]): Promise<number> {
  if (paths.length === 0)
    throw new UsageError(
      "rubrics validate needs at least one file or folder",
      "e.g. social-audit rubrics validate ./my-rubrics",
    );
  const diagnostics: Diagnostic[] = [];
  const levelRefs: LevelReference[] = [];
  let levels: Level[] | undefined;
  let files = 0;
  for (const path of paths) {
    for (const file of rubricFiles(path)) {
      files++;
      const result = await loadRubricFile(file, false);
      if (result.kind === "invalid") diagnostics.push(...result.diagnostics);
      if (result.kind === "levels") levels = result.levels;
      if (result.kind === "dimension") {
        diagnostics.push(...result.warnings);
        levelRefs.push(...(result.levelRefs ?? []));
      }
    }
  }
  // Critical caps name levels: those validated here, or else the shipped ones.
  if (levelRefs.length > 0) {
    const shipped = levels
      ? undefined
      : await loadRubricFile(join(builtinRubricsDir(), LEVELS_FILE), true);
    const known = levels ?? (shipped?.kind === "levels" ? shipped.levels : undefined);
    if (known) diagnostics.push(...unknownLevels(levelRefs, known));
  }
  const errors = diagnostics.filter((d) => d.severity !== "warning");
  for (const d of diagnostics) io.stdout.write(`${stripControl(formatDiagnostic(d))}\n`);
  const warnings = diagnostics.length - errors.length;
  const summary = `${files} file${files === 1 ? "" : "s"} checked: ${errors.length} error${errors.length === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  if (errors.length > 0) {
    printError(io, summary);
    return EXIT.invalidInput;
  }
  io.stderr.write(`${summary}\n`);
  return EXIT.ok;
}

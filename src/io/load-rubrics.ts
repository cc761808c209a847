import { readdirSync, statSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";
import { UserError, type Diagnostic } from "../errors.js";
import { didYouMean } from "../core/suggest.js";
import {
  capReferences,
  DimensionRubricSchema,
  LevelsFileSchema,
  lintRubric,
  mergeDimensions,
  type Level,
  type LoadedDimension,
  type RubricOrigin,
  type RubricSet,
} from "../core/rubric.js";
import { zodProblems } from "../core/zod-problems.js";
import { RUBRIC_FIELD_NAMES } from "../core/rubric-fields.js";
import { contentHash, readBuiltinCache } from "./builtin-cache.js";
import { builtinRubricsDir } from "./package-root.js";
import { readTextFile } from "./read-text.js";
import type { FileResult, LevelReference } from "./rubric-file-result.js";
import { parseYaml, problemsToDiagnostics } from "./yaml-document.js";

export const LEVELS_FILE = "levels.yaml";

export interface RubricSources {
  /** Extra rubric folders or files, in order; later ones override earlier ones by dimension id. */
  paths?: readonly string[];
  /** Use the shipped rubrics as the base (default true). */
  builtin?: boolean;
}

export type { FileResult, LevelReference };

/** Reads and validates one rubric file; never throws for a problem in the file itself. */
export async function loadRubricFile(
  file: string,
  builtin: boolean,
  display = file,
): Promise<FileResult> {
  let text: string;
  try {
    text = await readTextFile(file);
  } catch (error) {
    if (error instanceof UserError)
      return { kind: "invalid", diagnostics: [{ message: error.message }] };
    throw error;
  }
  return parseRubricText(text, display, builtin, basename(file) === LEVELS_FILE);
}

/** Validates a rubric's text: a dimension, or the levels when `levels` is set. Pure apart from hashing. */
export function parseRubricText(
  text: string,
  display: string,
  builtin: boolean,
  levels: boolean,
): FileResult {
  let parsed;
  try {
    parsed = parseYaml(text, display);
  } catch (error) {
    if (error instanceof UserError)
      return {
        kind: "invalid",
        diagnostics:
          error.diagnostics.length > 0 ? [...error.diagnostics] : [{ message: error.message }],
      };
    throw error;
  }
  if (parsed.data === null || parsed.data === undefined) {
    return {
      kind: "invalid",
      diagnostics: [
        {
          file: display,
          message:
            "is empty; a rubric needs id, version, title and questions (see docs/rubric-format.md)",
        },
      ],
    };
  }
  if (typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
    return {
      kind: "invalid",
      diagnostics: [
        {
          file: display,
          line: 1,
          column: 1,
          message: `must be a YAML mapping, not ${Array.isArray(parsed.data) ? "a list" : "a single value"}`,
        },
      ],
    };
  }
  const origin: RubricOrigin = { file: display, builtin, hash: contentHash(text) };
  const knownKeys = () => RUBRIC_FIELD_NAMES;
  if (levels) {
    const result = LevelsFileSchema.safeParse(parsed.data, { reportInput: true });
    if (!result.success)
      return {
        kind: "invalid",
        diagnostics: problemsToDiagnostics(zodProblems(result.error, [], knownKeys), parsed),
      };
    return { kind: "levels", levels: result.data.levels, origin };
  }
  const result = DimensionRubricSchema.safeParse(parsed.data, { reportInput: true });
  if (!result.success)
    return {
      kind: "invalid",
      diagnostics: problemsToDiagnostics(zodProblems(result.error, [], knownKeys), parsed),
    };
  const lint = lintRubric(result.data);
  const errors = lint.filter((p) => p.severity === "error");
  if (errors.length > 0)
    return {
      kind: "invalid",
      diagnostics: [
        ...problemsToDiagnostics(errors, parsed),
        ...problemsToDiagnostics(
          lint.filter((p) => p.severity !== "error"),
          parsed,
          "warning",
        ),
      ],
    };
  return {
    kind: "dimension",
    dimension: { rubric: result.data, origin },
    warnings: problemsToDiagnostics(lint, parsed, "warning"),
    levelRefs: capReferences(result.data).map(({ level, path }) => ({
      level,
      at: problemsToDiagnostics([{ path, message: "" }], parsed)[0] ?? { message: "" },
    })),
  };
}

/** Critical markers naming a level that levels.yaml does not define. */
export function unknownLevels(
  refs: readonly LevelReference[],
  levels: readonly Level[],
): Diagnostic[] {
  const ids = levels.map((l) => l.id);
  return refs
    .filter((r) => !ids.includes(r.level))
    .map((r) => ({
      ...r.at,
      severity: "error",
      message: `unknown level "${r.level}"${didYouMean(r.level, ids)}; levels: ${ids.join(", ")}`,
    }));
}

/**
 * The YAML files a path names: itself if a file, or the .yaml/.yml files in a folder, sorted.
 * Synchronous, like the cache check after it: on start-up's path, a few small reads are
 * cheaper done directly than through the promise API.
 */
export function rubricFiles(path: string): string[] {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new UserError(
      `${path}: no such rubric file or folder`,
      [],
      "Pass a folder of rubric YAML files, e.g. --rubrics ./my-rubrics",
    );
  }
  if (!info.isDirectory()) return [path];
  const entries = readdirSync(path);
  return entries
    .filter((name) => [".yaml", ".yml"].includes(extname(name)) && !name.startsWith("."))
    .sort()
    .map((name) => join(path, name));
}

export function displayName(file: string, builtin: boolean): string {
  return builtin ? `rubrics/${relative(builtinRubricsDir(), file)}` : file;
}

export interface LoadedRubrics {
  rubrics: RubricSet;
  warnings: Diagnostic[];
}

/**
 * Loads the shipped rubrics and any extra sources, reporting every problem in every file at once.
 */
export async function loadRubrics(sources: RubricSources = {}): Promise<LoadedRubrics> {
  const groups: { files: string[]; builtin: boolean }[] = [];
  if (sources.builtin !== false)
    groups.push({ files: rubricFiles(builtinRubricsDir()), builtin: true });
  for (const path of sources.paths ?? []) groups.push({ files: rubricFiles(path), builtin: false });

  const diagnostics: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const dimensionGroups: LoadedDimension[][] = [];
  const levelRefs: LevelReference[] = [];
  let levels: { levels: Level[]; origin: RubricOrigin } | undefined;

  for (const group of groups) {
    const dimensions: LoadedDimension[] = [];
    const results =
      (group.builtin ? readBuiltinCache(group.files) : undefined) ??
      (await Promise.all(
        group.files.map((file) =>
          loadRubricFile(file, group.builtin, displayName(file, group.builtin)),
        ),
      ));
    for (const result of results) {
      if (result.kind === "invalid") diagnostics.push(...result.diagnostics);
      else if (result.kind === "levels") levels = { levels: result.levels, origin: result.origin };
      else {
        const clash = dimensions.find((d) => d.rubric.id === result.dimension.rubric.id);
        if (clash) {
          diagnostics.push({
            file: result.dimension.origin.file,
            path: "id",
            message: `dimension id "${result.dimension.rubric.id}" is also defined in ${clash.origin.file}`,
          });
        } else {
          dimensions.push(result.dimension);
          levelRefs.push(...(result.levelRefs ?? []));
          // Shipped rubrics are linted by the test suite; users only need to hear about their own.
          if (!group.builtin) warnings.push(...result.warnings);
        }
      }
    }
    dimensionGroups.push(dimensions);
  }
  if (levels) diagnostics.push(...unknownLevels(levelRefs, levels.levels));
  if (diagnostics.length > 0) {
    throw new UserError(
      `invalid rubric${diagnostics.length === 1 ? "" : "s"}`,
      diagnostics,
      "Fix the rubric files listed above; `social-audit rubrics validate PATH` checks them.",
    );
  }
  const dimensions = mergeDimensions(dimensionGroups);
  if (dimensions.length === 0)
    throw new UserError(
      "no rubric dimensions were loaded",
      [],
      "Pass --rubrics DIR with at least one dimension file, or drop --no-builtin.",
    );
  if (!levels)
    throw new UserError(
      `no ${LEVELS_FILE} was loaded`,
      [],
      `With --no-builtin, a rubric folder must include a ${LEVELS_FILE} defining the maturity levels.`,
    );
  return { rubrics: { dimensions, levels: levels.levels, levelsOrigin: levels.origin }, warnings };
}

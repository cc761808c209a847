import type { Level, LoadedDimension, RubricOrigin } from "../core/rubric.js";
import type { Diagnostic } from "../errors.js";

/** A critical marker's level id, located, to be checked once the levels are known. */
export interface LevelReference {
  level: string;
  at: Diagnostic;
}

/** What reading one rubric file gave: shared by the loader and the cache of shipped rubrics. */
export type FileResult =
  | {
      kind: "dimension";
      dimension: LoadedDimension;
      warnings: Diagnostic[];
      levelRefs?: LevelReference[];
    }
  | { kind: "levels"; levels: Level[]; origin: RubricOrigin }
  | { kind: "invalid"; diagnostics: Diagnostic[] };

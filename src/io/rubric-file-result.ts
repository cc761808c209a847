import type { Level, LoadedDimension, RubricOrigin } from "../core/rubric.js";
import type { Diagnostic } from "../errors.js";

/** What reading one rubric file gave: shared by the loader and the cache of shipped rubrics. */
export type FileResult =
  | { kind: "dimension"; dimension: LoadedDimension; warnings: Diagnostic[] }
  | { kind: "levels"; levels: Level[]; origin: RubricOrigin }
  | { kind: "invalid"; diagnostics: Diagnostic[] };

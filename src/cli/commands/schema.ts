import { toJson } from "../../render/json-text.js";
import { SCHEMA_NAMES, jsonSchema, type SchemaName } from "../../core/json-schemas.js";
import { EXIT, UsageError } from "../../errors.js";
import { loadRubrics } from "../../io/load-rubrics.js";
import { didYouMean } from "../../core/suggest.js";
import type { CliIO } from "../io.js";

export async function runSchema(
  io: CliIO,
  name: string,
  options: { rubrics?: string[]; builtin?: boolean },
): Promise<number> {
  if (!(SCHEMA_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(
      `unknown schema "${name}"${didYouMean(name, SCHEMA_NAMES)}`,
      `Choose one of: ${SCHEMA_NAMES.join(", ")}`,
    );
  }
  const { rubrics } = await loadRubrics({
    paths: options.rubrics ?? [],
    builtin: options.builtin !== false,
  });
  io.stdout.write(`${toJson(jsonSchema(name as SchemaName, rubrics), 2)}\n`);
  return EXIT.ok;
}

// Regenerates the JSON Schemas shipped in schemas/ from the zod validators (run after build).
// A test fails when the committed files drift from what the code generates.
import { mkdirSync, writeFileSync } from "node:fs";
import { SCHEMA_NAMES, jsonSchema } from "../dist/core/json-schemas.js";
import { loadRubrics } from "../dist/io/load-rubrics.js";

const { rubrics } = await loadRubrics();
mkdirSync(new URL("../schemas/", import.meta.url), { recursive: true });
for (const name of SCHEMA_NAMES) {
  writeFileSync(
    new URL(`../schemas/${name}.schema.json`, import.meta.url),
    `${JSON.stringify(jsonSchema(name, rubrics), null, 2)}\n`,
  );
}
console.log(`wrote ${SCHEMA_NAMES.map((n) => `schemas/${n}.schema.json`).join(", ")}`);

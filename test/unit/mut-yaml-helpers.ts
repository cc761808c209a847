import { expect } from "vitest";
import type { Path } from "../../src/core/schema-parts.js";
import { parseYaml } from "../../src/io/yaml-document.js";
import { parseYamlFast } from "../../src/io/yaml-fast.js";

/*
 * The fast reader's contract, as assertions: on a document it must handle it accepts, reads
 * exactly what `yaml` reads (data, key order, -0 and NaN included) and locates every mapping
 * entry where `yaml` does; on one it must leave to `yaml` it returns undefined.
 */

/** Every path to a mapping entry in the data, where `locate` must agree. */
export function mappingPaths(data: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (data !== null && typeof data === "object" && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) {
      out.push([...path, key]);
      mappingPaths(value, [...path, key], out);
    }
  }
  return out;
}

/** Key order at every level, which toStrictEqual does not compare. */
function keyOrder(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(keyOrder);
  if (data !== null && typeof data === "object")
    return Object.entries(data).map(([key, value]) => [key, keyOrder(value)]);
  return null;
}

/** The fast reader accepts `text` and agrees with `yaml`; returns the data for further checks. */
export function expectAccepted(text: string): unknown {
  const fast = parseYamlFast(text);
  expect(fast, "the fast reader declined").toBeDefined();
  const exact = parseYaml(text, "t.yaml");
  expect(fast?.data).toStrictEqual(exact.data);
  expect(keyOrder(fast?.data)).toEqual(keyOrder(exact.data));
  for (const path of mappingPaths(exact.data))
    expect(fast?.locate(path), path.join(".")).toEqual(exact.locate(path));
  return fast?.data;
}

export function expectDeclined(text: string): void {
  expect(parseYamlFast(text)).toBeUndefined();
}

/** What `yaml` (through the project's reader) makes of a document, or "error" if it refuses it. */
export function yamlReads(text: string): unknown {
  try {
    return parseYaml(text, "t.yaml").data;
  } catch {
    return "error";
  }
}

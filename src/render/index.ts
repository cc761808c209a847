import type { Renderer } from "./types.js";

export const FORMATS = ["table", "json"] as const;
export type Format = (typeof FORMATS)[number];

/**
 * The one place formats are registered. Each loads on demand, so a heavy renderer costs
 * nothing to commands that do not use it; the `satisfies` makes a missing format a type error.
 */
const RENDERERS = {
  table: () => import("./table.js").then((m) => m.tableRenderer),
  json: () => import("./json.js").then((m) => m.jsonRenderer),
} satisfies Record<Format, () => Promise<Renderer>>;

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

export function loadRenderer(format: Format): Promise<Renderer> {
  return RENDERERS[format]();
}

export type { RenderOptions, Renderer } from "./types.js";

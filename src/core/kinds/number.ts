import * as z from "zod";
import {
  AdviceSchema,
  CriticalSchema,
  SizeSchema,
  TextSchema,
  UnitScoreSchema,
  scoredQuestionFields,
  type Size,
} from "../schema-parts.js";

/** A band covers from <= value < to; a missing `to` is open-ended. */
export const NumberBandSchema = z.lazy(() =>
  z.strictObject({
    from: z.number({ error: "must be a number" }),
    to: z.number({ error: "must be a number" }).optional(),
    score: UnitScoreSchema,
    label: TextSchema(200).optional(),
    /** Advice for someone whose value falls in this band. */
    advice: AdviceSchema.optional(),
    critical: CriticalSchema.optional(),
    /** A claim to back up: without `evidence:` in the plan it is reported as unsupported. */
    needsEvidence: z.boolean().optional(),
  }),
);
export type NumberBand = z.infer<typeof NumberBandSchema>;

export const NumberQuestionSchema = z.lazy(() =>
  z
    .strictObject({
      kind: z.literal("number"),
      ...scoredQuestionFields(),
      unit: TextSchema(40),
      min: z.number({ error: "must be a number" }).default(0),
      max: z.number({ error: "must be a number" }),
      bands: z.array(NumberBandSchema).min(1, { error: "needs at least one band" }),
      /** Band edges multiplied per organisation size (unlisted sizes: 1), e.g. weekly hours. */
      bandScale: z
        .partialRecord(
          SizeSchema,
          // The schema's error is also positive()'s; max() says its own.
          z
            .number({ error: "must be a number greater than 0" })
            .positive()
            .max(100, { error: "must be at most 100" }),
        )
        .optional(),
    })
    .superRefine((q, ctx) => {
      if (q.max <= q.min)
        ctx.addIssue({
          code: "custom",
          path: ["max"],
          message: `must be greater than min (${q.min})`,
        });
      for (const problem of bandProblems(q.bands, q.min, q.max))
        ctx.addIssue({ code: "custom", ...problem });
    }),
);
export type NumberQuestion = z.infer<typeof NumberQuestionSchema>;

/**
 * Bands must tile [min, max] exactly: a gap would leave answers unscored and an overlap
 * would make the score depend on band order, both silent mistakes in a rubric.
 */
export function bandProblems(
  bands: readonly { from: number; to?: number | undefined }[],
  min: number,
  max: number,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  bands.forEach((band, i) => {
    // Stryker disable next-line ConditionalExpression: undefined <= a number is false, so the guard only says what it means
    if (band.to !== undefined && band.to <= band.from) {
      problems.push({
        path: ["bands", i, "to"],
        message: `must be greater than from (${band.from})`,
      });
    }
    if (i === 0 && band.from > min) {
      problems.push({
        path: ["bands", 0, "from"],
        message: `the first band must start at min (${min}); values from ${min} to ${band.from} would have no score`,
      });
    }
    const prev = bands[i - 1];
    if (prev) {
      if (prev.to === undefined) {
        problems.push({
          path: ["bands", i - 1, "to"],
          message: "only the last band may be open-ended (no `to`)",
        });
      } else if (band.from > prev.to) {
        problems.push({
          path: ["bands", i, "from"],
          message: `gap: the previous band ends at ${prev.to} but this one starts at ${band.from}`,
        });
      } else if (band.from < prev.to) {
        problems.push({
          path: ["bands", i, "from"],
          message: `overlap: the previous band ends at ${prev.to} but this one starts at ${band.from}`,
        });
      }
    }
  });
  const last = bands[bands.length - 1];
  if (last?.to !== undefined && last.to <= max) {
    problems.push({
      path: ["bands", bands.length - 1, "to"],
      message: `the last band must reach beyond max (${max}), or leave out \`to\``,
    });
  }
  return problems;
}

const scaled = new WeakMap<NumberQuestion, Map<Size, NumberQuestion>>();

/** The question as it reads for an organisation of this size: band edges scaled by `bandScale`. */
export function forSize(q: NumberQuestion, size: Size | undefined): NumberQuestion {
  // Stryker disable next-line ConditionalExpression: without a size, bandScale?.[undefined] is undefined too and the next line returns q
  if (size === undefined) return q;
  const factor = q.bandScale?.[size];
  if (factor === undefined || factor === 1) return q;
  let bySize = scaled.get(q);
  if (!bySize) {
    bySize = new Map<Size, NumberQuestion>();
    scaled.set(q, bySize);
  }
  let found = bySize.get(size);
  if (!found) {
    // The first band keeps its start (min), so the bands still tile every valid answer.
    const bands = q.bands.map((b, i) => ({
      ...b,
      from: i === 0 ? b.from : b.from * factor,
      ...(b.to === undefined ? {} : { to: b.to * factor }),
    }));
    const last = bands[bands.length - 1];
    // Stryker disable next-line ConditionalExpression,OptionalChaining: the schema requires a band, and undefined <= max is false, so the guards only say what they mean
    if (last?.to !== undefined && last.to <= q.max) delete last.to;
    found = { ...q, bands };
    bySize.set(size, found);
  }
  return found;
}

/** The band above the current one with the lowest higher score (nearest first); with no answer, the best. */
export function nextBand(q: NumberQuestion, value: number | undefined): NumberBand | undefined {
  // Stryker disable next-line ConditionalExpression: bandFor(q, undefined) finds no band either (undefined >= from is false)
  const current = value === undefined ? undefined : bandFor(q, value);
  let best: NumberBand | undefined;
  for (const b of q.bands) {
    if (current === undefined) {
      if (!best || b.score > best.score) best = b;
    } else if (b.score > current.score && (!best || b.score < best.score)) best = b;
  }
  return best;
}

export function bandText(q: NumberQuestion, band: NumberBand): string {
  const range =
    band.to === undefined
      ? `${formatNumber(band.from)} ${unitAfter(band.from, q.unit)} or more`
      : `${formatNumber(band.from)} to ${formatNumber(band.to)} ${q.unit}`;
  return band.label ? `${band.label} (${range})` : range;
}

/**
 * The unit after a count: "1 hour per week", not "1 hours per week". Units are rubric text, so
 * only a first word with a plain plural "s" ("hours", "days", "posts") is made singular.
 */
export function unitAfter(count: number, unit: string): string {
  if (count !== 1) return unit;
  return unit.replace(/^(\p{L}+[^sui\P{L}])s(?=\s|$)/u, "$1");
}

function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function bandFor(q: NumberQuestion, value: number): NumberBand | undefined {
  return q.bands.find((b) => value >= b.from && (b.to === undefined || value < b.to));
}

export const numberKind = {
  answerSchema: (q: NumberQuestion) => {
    // The schema's error is every check's: not a number, too low and too high alike.
    return z
      .number({ error: `must be a number of ${q.unit} from ${q.min} to ${q.max}` })
      .min(q.min)
      .max(q.max);
  },
  score: (q: NumberQuestion, answer: number): number => bandFor(q, answer)?.score ?? 0,
  next: (q: NumberQuestion, answer: number | undefined) => {
    const band = nextBand(q, answer);
    return (
      band && { value: Math.max(q.min, band.from), text: bandText(q, band), score: band.score }
    );
  },
  advice: (q: NumberQuestion, answer: number) => bandFor(q, answer)?.advice,
  critical: (q: NumberQuestion, answer: number) => bandFor(q, answer)?.critical,
  describe: (q: NumberQuestion, answer: number): string => {
    // Stryker disable next-line OptionalChaining: bands tile min..max, so every valid answer has a band
    const label = bandFor(q, answer)?.label;
    return `${answer} ${unitAfter(answer, q.unit)}${label ? ` (${label})` : ""}`;
  },
  allowed: (q: NumberQuestion) => ({
    type: "number",
    unit: q.unit,
    min: q.min,
    max: q.max,
    bands: q.bands,
  }),
};

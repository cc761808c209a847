import * as z from "zod";
import { answerSchemaFor, isScored } from "./kinds/index.js";
import { AnswerObjectSchema, PlanFileSchema } from "./plan-file.js";
import { PortfolioSchema } from "./portfolio.js";
import { ComparisonJsonSchema } from "./compare-json.js";
import { AuditEnvelopeSchema, AuditLineSchema } from "./envelope-schema.js";
import { RubricListSchema, RubricShowSchema } from "./rubrics-json.js";
import { TrendSchema } from "./trend.js";
import { DimensionRubricSchema, LevelsFileSchema, type RubricSet } from "./rubric.js";
import { NOT_APPLICABLE } from "./schema-parts.js";

/**
 * JSON Schemas are generated from the same zod schemas that validate input, so editors,
 * other tools and this CLI can never disagree about a file's shape.
 */

export const SCHEMA_NAMES = [
  "plan",
  "report",
  "report-line",
  "compare",
  "rubric",
  "rubrics-list",
  "rubrics-show",
  "levels",
  "trend",
  "portfolio",
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/** A plan schema that knows the loaded rubrics, so editors can autocomplete every answer. */
export function planSchemaFor(rubrics: RubricSet) {
  const dimensions = Object.fromEntries(
    rubrics.dimensions.map(({ rubric }) => [
      rubric.id,
      z
        .strictObject(
          Object.fromEntries(
            rubric.questions.map((q) => {
              const value =
                isScored(q) && q.notApplicable !== undefined
                  ? z.union([z.literal(NOT_APPLICABLE), answerSchemaFor(q)])
                  : answerSchemaFor(q);
              // The plain value, or the value with what backs it up.
              const withEvidence = AnswerObjectSchema.extend({ answer: value });
              return [
                q.id,
                z
                  .union([value, withEvidence])
                  .nullable()
                  .optional()
                  .meta({
                    description: `${q.prompt}\n\n${q.help}${isScored(q) ? "" : "\n\n(Not scored.)"}`,
                  }),
              ];
            }),
          ),
        )
        .nullable()
        .optional()
        .meta({ description: `${rubric.title}: ${rubric.description}` }),
    ]),
  );
  // Unknown dimensions stay allowed here: they may come from --rubrics the editor cannot see.
  return PlanFileSchema.extend({ answers: z.looseObject(dimensions).optional() });
}

export function jsonSchema(name: SchemaName, rubrics: RubricSet): Record<string, unknown> {
  const options = { io: "input", unrepresentable: "any", target: "draft-2020-12" } as const;
  // What this tool writes, described as written: every field present, no others allowed.
  // Stryker disable next-line ObjectLiteral: {} is zod's defaults, output and draft 2020-12, and no output schema has anything unrepresentable (checked for all seven)
  const asWritten = { ...options, io: "output" } as const;
  const titled = (schema: Record<string, unknown>, title: string) => ({ title, ...schema });
  switch (name) {
    case "plan":
      return titled(z.toJSONSchema(planSchemaFor(rubrics), options), "social-audit plan file");
    case "report":
      return titled(
        z.toJSONSchema(AuditEnvelopeSchema, asWritten),
        "social-audit audit output (--format json)",
      );
    case "report-line":
      return titled(
        z.toJSONSchema(AuditLineSchema, asWritten),
        "social-audit audit line (--format jsonl)",
      );
    case "compare":
      return titled(
        z.toJSONSchema(ComparisonJsonSchema, asWritten),
        "social-audit comparison (compare --format json)",
      );
    case "rubrics-list":
      return titled(
        z.toJSONSchema(RubricListSchema, asWritten),
        "social-audit rubrics list --json",
      );
    case "rubrics-show":
      return titled(
        z.toJSONSchema(RubricShowSchema, asWritten),
        "social-audit rubrics show --json",
      );
    case "rubric":
      return titled(
        z.toJSONSchema(DimensionRubricSchema, options),
        "social-audit rubric dimension",
      );
    case "levels":
      return titled(z.toJSONSchema(LevelsFileSchema, options), "social-audit maturity levels");
    case "trend":
      return titled(z.toJSONSchema(TrendSchema, asWritten), "social-audit trend");
    case "portfolio":
      return titled(z.toJSONSchema(PortfolioSchema, asWritten), "social-audit portfolio");
  }
}

/**
 * social-audit as a library: the same pure pipeline the CLI uses.
 * load rubrics -> validate a plan -> build a report -> render it.
 */
export { buildReport, type ReportInput } from "./core/report.js";
export { validatePlan } from "./core/plan.js";
export { PlanFileSchema, type Plan, type PlanResult } from "./core/plan-file.js";
export { ReportSchema, REPORT_SCHEMA_VERSION, type Report } from "./core/report-schema.js";
export {
  DimensionRubricSchema,
  LevelsFileSchema,
  lintRubric,
  type RubricSet,
  type DimensionRubric,
  type Level,
} from "./core/rubric.js";
export { QuestionSchema, scoreAnswer, type Question, type Answer } from "./core/kinds/index.js";
export { summarize } from "./core/summary.js";
export { buildTrend, TrendSchema, TREND_SCHEMA_VERSION, type Trend } from "./core/trend.js";
export {
  buildPortfolio,
  portfolioAudit,
  PortfolioSchema,
  PORTFOLIO_SCHEMA_VERSION,
  type Portfolio,
  type PortfolioAudit,
} from "./core/portfolio.js";
export { loadRubrics } from "./io/load-rubrics.js";
export { parsePlan } from "./io/load-plan.js";
export {
  loadRenderer,
  FORMATS,
  type Format,
  type Renderer,
  type RenderOptions,
} from "./render/index.js";
export { UserError, EXIT, type Diagnostic } from "./errors.js";

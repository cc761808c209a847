// Part of action.yml's audit step: reads the JSON report of the gate run and prints the step's
// outputs as name=value lines for $GITHUB_OUTPUT. Usage: node outputs.mjs REPORT.json EXIT_CODE
// The report may be one report or a batch with `reports` (and `errors` for invalid plans).
import { existsSync, readFileSync } from "node:fs";

const [file = "", exitCode = "2"] = process.argv.slice(2);
const document = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : { reports: [] };
const reports = Array.isArray(document.reports) ? document.reports : [document];
const errors = Array.isArray(document.errors) ? document.errors : [];

const lowest = reports.reduce(
  (low, report) => (!low || report.overall.score < low.overall.score ? report : low),
  undefined,
);
const passed =
  exitCode !== "2" &&
  errors.length === 0 &&
  reports.length > 0 &&
  reports.every((report) => report.thresholds.passed === true);

const lines = [
  `score=${lowest ? lowest.overall.score : ""}`,
  `level=${lowest ? lowest.overall.level.id : ""}`,
  `passed=${passed}`,
];
process.stdout.write(`${lines.join("\n")}\n`);

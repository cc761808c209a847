import { resolve } from "node:path";
import * as z from "zod";
import type { Answer } from "../../core/kinds/index.js";
import type { Plan } from "../../core/plan-file.js";
import { buildReport } from "../../core/report.js";
import type { RubricSet } from "../../core/rubric.js";
import { didYouMean } from "../../core/suggest.js";
import { EXIT, InterruptedError, UsageError, UserError } from "../../errors.js";
import { parsePlan } from "../../io/load-plan.js";
import { loadRubrics } from "../../io/load-rubrics.js";
import { packageInfo } from "../../io/package-root.js";
import { readTextFile } from "../../io/read-text.js";
import { fileExists, writeFileAtomic } from "../../io/write-atomic.js";
import { loadRenderer } from "../../render/index.js";
import { useColor } from "../color.js";
import type { CliIO } from "../io.js";
import { withInvocation } from "../invocation.js";
import { parseOptions } from "../options.js";
import { printWarnings } from "../print-error.js";
import type { Draft } from "../../interview/types.js";
import { shellWord } from "../../interview/summary.js";
import { canInterview, terminalWidth } from "../terminal.js";

const DEFAULT_OUT = "social-plan.yaml";

const personText = (option: string) =>
  z
    .string()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, { error: `${option} needs a name, got an empty one` })
        .max(200, { error: `${option} takes at most 200 characters` }),
    );

const InterviewOptionsSchema = z.object({
  /** Absent: social-plan.yaml, or social-plan.<name>.yaml with --respondent. */
  out: z.string().min(1).optional(),
  respondent: personText("--respondent").optional(),
  role: personText("--role").optional(),
  resume: z.boolean().default(false),
  revisit: z.boolean().default(false),
  force: z.boolean().default(false),
  dimension: z.array(z.string()).default([]),
  rubrics: z.array(z.string()).default([]),
  builtin: z.boolean().default(true),
  color: z.boolean().optional(),
});

export async function runInterviewCommand(
  io: CliIO,
  rawOptions: unknown,
  today = new Date(),
): Promise<number> {
  const options = parseOptions(InterviewOptionsSchema, rawOptions);
  if (!canInterview(io)) {
    throw new UsageError(
      "interview needs an interactive terminal (stdin is not a terminal, or CI is set)",
      "In CI or a script, audit a plan file instead: social-audit audit social-plan.yaml (social-audit init writes a template).",
    );
  }
  const { rubrics, warnings } = await loadRubrics({
    paths: options.rubrics,
    builtin: options.builtin,
  });
  printWarnings(io, warnings);
  const ids = rubrics.dimensions.map((d) => d.rubric.id);
  for (const id of options.dimension) {
    if (!ids.includes(id))
      throw new UsageError(
        `--dimension names unknown dimension "${id}"${didYouMean(id, ids)}`,
        `Known dimensions: ${ids.join(", ")}`,
      );
  }

  if (options.role !== undefined && options.respondent === undefined)
    throw new UsageError(
      "--role needs --respondent NAME: it is the role of the person answering",
      'For example: social-audit interview --respondent "Ana Silva" --role "Client service lead"',
    );
  const out = options.out ?? defaultOut(options.respondent);
  const file = resolve(io.cwd, out);
  const exists = await fileExists(file);
  // Going over skipped questions only makes sense for a plan that already has some.
  const resuming = options.resume || options.revisit;
  if (exists && !resuming && !options.force) {
    throw new UserError(
      `${out} already exists`,
      [],
      `Continue it with: ${["social-audit interview", ...resumeWords(options, out), "--resume"].join(" ")}   (or start over with --force)`,
    );
  }
  const [{ PlanDocument }, { readDraft }] = await Promise.all([
    import("../../interview/plan-document.js"),
    import("../../interview/read-draft.js"),
  ]);
  let resume: Draft | undefined;
  let text: string | undefined;
  if (resuming && exists) {
    text = await readTextFile(file, out);
    resume = readDraft(text, out, rubrics);
    checkRespondent(resume, options, out);
  } else if (resuming) {
    io.stderr.write(`social-audit: nothing to resume at ${out}; starting a new interview\n`);
  }
  const respondent = options.respondent
    ? {
        name: resume?.respondent?.name ?? options.respondent,
        ...((options.role ?? resume?.respondent?.role)
          ? { role: options.role ?? resume?.respondent?.role }
          : {}),
      }
    : undefined;

  const resumeCommand = withInvocation(
    [
      "social-audit interview",
      ...resumeWords(options, out),
      "--resume",
      ...options.dimension.map((d) => `--dimension ${d}`),
      ...options.rubrics.map((r) => `--rubrics ${r}`),
      ...(options.builtin ? [] : ["--no-builtin"]),
    ].join(" "),
    io.command,
  );
  // The file is edited in place, so comments, blank lines and key order survive every save.
  const document = new PlanDocument(text, [
    `Written by social-audit interview. Audit it with: social-audit audit ${shellWord(out)}`,
  ]);
  let saved: Draft | undefined = resume;
  const save = async (draft: Draft) => {
    await writeFileAtomic(file, document.apply(draft, rubrics).toString(), { force: true });
    saved = draft;
  };

  const color = useColor(io, io.stderr, options.color);
  const { inquirerPrompter } = await import("../../interview/inquirer-prompter.js");
  const { runInterview } = await import("../../interview/session.js");
  let draft: Draft;
  try {
    draft = await runInterview(
      inquirerPrompter({ input: io.stdin, output: io.stderr as NodeJS.WritableStream }, color),
      {
        rubrics,
        dimensions: options.dimension,
        ...(resume ? { resume } : {}),
        ...(respondent ? { respondent } : {}),
        revisit: options.revisit,
        today: today.toISOString().slice(0, 10),
        save,
      },
    );
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    const count = saved
      ? [...saved.entries.values()].reduce(
          (n, entries) => n + [...entries.values()].filter((e) => e.type !== "skipped").length,
          0,
        )
      : 0;
    const where = saved
      ? `${count} answer${count === 1 ? "" : "s"} saved to ${out}`
      : "nothing was saved yet";
    // The message is one line (printError shows a newline as \n); the way back is the hint.
    throw new InterruptedError(
      `interrupted; ${where}.`,
      saved ? `resume with: ${resumeCommand}` : undefined,
    );
  }
  return finish(io, rubrics, draft, { ...options, out }, color);
}

/**
 * Where an interview is saved without --out: social-plan.yaml, or with --respondent a file of
 * that person's own (social-plan.ana-silva.yaml), so two people never overwrite each other.
 */
export function defaultOut(respondent: string | undefined): string {
  if (respondent === undefined) return DEFAULT_OUT;
  const slug = respondent
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  if (slug === "")
    throw new UsageError(
      `--respondent "${respondent}" has no letter or digit to name a file after`,
      "Name the file yourself: social-audit interview --respondent NAME --out plans/NAME.yaml",
    );
  return DEFAULT_OUT.replace(/\.yaml$/, `.${slug}.yaml`);
}

/** The options that find this interview's file again, for the commands we print. */
function resumeWords(
  options: { out?: string | undefined; respondent?: string | undefined },
  out: string,
) {
  return [
    ...(options.respondent ? ["--respondent", shellWord(options.respondent)] : []),
    ...(options.out !== undefined ? ["--out", shellWord(out)] : []),
  ];
}

const samePerson = (a: string, b: string) =>
  a.normalize("NFC").toLocaleLowerCase() === b.normalize("NFC").toLocaleLowerCase();

/** A plan holds one person's answers: resuming it as someone else is refused. */
function checkRespondent(
  draft: Draft,
  options: { respondent?: string | undefined; out?: string | undefined },
  out: string,
): void {
  const holder = draft.respondent?.name;
  if (options.respondent === undefined || holder === undefined) return;
  if (samePerson(holder, options.respondent)) return;
  throw new UsageError(
    `${out} holds ${holder}'s answers, not ${options.respondent}'s`,
    `Continue ${holder}'s: social-audit interview --out ${shellWord(out)} --respondent ${shellWord(holder)} --resume\nOr give ${options.respondent} a file of their own: social-audit interview --respondent ${shellWord(options.respondent)}`,
  );
}

/** The plan as the engine scores it: what `audit` reads from the saved file. */
function planOf(draft: Draft, text: string, file: string, rubrics: RubricSet): Plan {
  try {
    return parsePlan(text, file, rubrics).plan;
  } catch (error) {
    // An engine that does not know `n/a` yet refuses the file; score the answers without it.
    if (!(error instanceof UserError)) throw error;
    const answers = new Map<string, Map<string, Answer>>();
    for (const [dimension, entries] of draft.entries) {
      const given = new Map<string, Answer>();
      for (const [question, entry] of entries)
        if (entry.type === "answer") given.set(question, entry.value);
      answers.set(dimension, given);
    }
    return {
      organization: draft.organization,
      date: draft.date,
      auditor: draft.auditor,
      profile: draft.profile,
      answers,
    };
  }
}

async function finish(
  io: CliIO,
  rubrics: RubricSet,
  draft: Draft,
  options: z.infer<typeof InterviewOptionsSchema> & { out: string },
  color: boolean,
): Promise<number> {
  const file = resolve(io.cwd, options.out);
  const plan = planOf(draft, await readTextFile(file, options.out), options.out, rubrics);
  const report = buildReport({
    rubrics,
    plan,
    toolVersion: packageInfo().version,
    planSource: options.out,
  });
  const renderer = await loadRenderer("table");
  io.stdout.write(
    renderer.report(report, {
      color: useColor(io, io.stdout, options.color),
      top: 5,
      width: terminalWidth(io),
    }),
  );
  const { summaryLines } = await import("../../interview/summary.js");
  const columns = (io.stderr as { columns?: number }).columns ?? 80;
  io.stderr.write(
    withInvocation(
      `${summaryLines({
        report,
        dimensions: options.dimension,
        file: options.out,
        width: Math.max(30, Math.min(columns - 1, 100)),
        color,
        respondent: draft.respondent?.name,
      }).join("\n")}\n`,
      io.command,
    ),
  );
  return EXIT.ok;
}

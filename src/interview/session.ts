import { appliesTo } from "../core/applicability.js";
import { needsEvidence } from "../core/evidence.js";
import { isScored, type Answer } from "../core/kinds/index.js";
import type { AnswerMeta } from "../core/plan-file.js";
import type { RubricSet } from "../core/rubric.js";
import { notApplicableReason } from "./optional-fields.js";
import type { Section } from "./section.js";
import { PROFILE_SECTION, profileQuestions, profileValue, withProfileValue } from "./profile.js";
import type {
  Draft,
  Entry,
  InterviewOptions,
  Prompter,
  QuestionStep,
  Reply,
  SectionProgress,
} from "./types.js";

/** The questions of the chosen dimensions, in rubric order. */
export function dimensionSteps(
  rubrics: RubricSet,
  dimensions: readonly string[] = [],
): QuestionStep[] {
  const chosen = rubrics.dimensions.filter(
    (d) => dimensions.length === 0 || dimensions.includes(d.rubric.id),
  );
  return chosen.flatMap(({ rubric }) => {
    const section: Section = {
      id: rubric.id,
      title: rubric.title,
      intro: [`Existing: ${rubric.existing}`, `Living: ${rubric.living}`],
    };
    return rubric.questions.map((question, i) => ({
      section,
      question,
      position: i + 1,
      sectionSize: rubric.questions.length,
      notApplicable: notApplicableReason(question),
    }));
  });
}

function profileSteps(): QuestionStep[] {
  const questions = profileQuestions();
  return questions.map((question, i) => ({
    section: PROFILE_SECTION,
    question,
    position: i + 1,
    sectionSize: questions.length,
  }));
}

export function entryOf(draft: Draft, step: QuestionStep): Entry | undefined {
  if (step.section.id === PROFILE_SECTION.id) {
    const value = profileValue(draft.profile, step.question.id);
    return value === undefined ? undefined : { type: "answer", value };
  }
  return draft.entries.get(step.section.id)?.get(step.question.id);
}

function withEntry(draft: Draft, step: QuestionStep, reply: Reply, meta?: AnswerMeta): Draft {
  if (step.section.id === PROFILE_SECTION.id) {
    const value = reply.type === "answer" ? reply.value : undefined;
    return { ...draft, profile: withProfileValue(draft.profile, step.question.id, value) };
  }
  const entry: Entry =
    reply.type === "answer"
      ? { type: "answer", value: reply.value, ...(meta ? { meta } : {}) }
      : reply.type === "not-applicable"
        ? { type: "not-applicable", ...(meta ? { meta } : {}) }
        : { type: "skipped" };
  const entries = new Map(draft.entries);
  const forSection = new Map(entries.get(step.section.id));
  forSection.set(step.question.id, entry);
  entries.set(step.section.id, forSection);
  return { ...draft, entries };
}

export const EVIDENCE_PROMPT = "Evidence (a link or where to find it; Enter to skip)";
/** With evidence saved already, Enter keeps it; Backspace drops it, and then Enter removes it. */
export const EVIDENCE_AGAIN_PROMPT =
  "Evidence (Enter keeps the saved one; Backspace, then Enter, removes it)";
const MAX_EVIDENCE = 2000;

const sameValue = (a: Answer, b: Answer) =>
  Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;

/**
 * What the plan will say besides the reply's value. Evidence, its date and author belong to
 * the answer they back: kept while the answer stays the same, dropped when it changes. After
 * a claim the rubric wants backed up, one optional line asks for evidence (the saved one is
 * offered again); new evidence is dated today and signed by the respondent.
 */
async function metaFor(
  prompter: Prompter,
  step: QuestionStep,
  reply: Reply,
  previous: Entry | undefined,
  draft: Draft,
  today: string,
): Promise<AnswerMeta | undefined> {
  if (step.section.id === PROFILE_SECTION.id) return undefined;
  if (reply.type === "not-applicable")
    return previous?.type === "not-applicable" ? previous.meta : undefined;
  if (reply.type !== "answer") return undefined;
  const kept =
    previous?.type === "answer" && sameValue(previous.value, reply.value)
      ? previous.meta
      : undefined;
  const q = step.question;
  if (!isScored(q) || !needsEvidence(q, reply.value, draft.profile)) return kept;
  const given = (
    await prompter.askText(kept?.evidence === undefined ? EVIDENCE_PROMPT : EVIDENCE_AGAIN_PROMPT, {
      required: false,
      default: kept?.evidence,
      help: `This answer is a claim the rubric wants backed up: a link to the document, or where to find it (a folder, a report, an export with its date). It is saved with today's date${draft.respondent ? ` and ${draft.respondent.name}'s name` : ""}; without it the report lists the answer as an unsupported claim.`,
      maxLength: MAX_EVIDENCE,
    })
  ).trim();
  if (given === "") return kept?.evidence === undefined ? kept : undefined;
  if (given === kept?.evidence) return kept;
  return {
    evidence: given,
    asOf: today,
    ...(draft.respondent ? { by: draft.respondent.name } : {}),
  };
}

export function progressOf(draft: Draft, steps: readonly QuestionStep[]): SectionProgress[] {
  const sections = new Map<string, SectionProgress>();
  for (const step of steps) {
    if (step.section.id === PROFILE_SECTION.id) continue;
    const progress = sections.get(step.section.id) ?? {
      id: step.section.id,
      title: step.section.title,
      done: 0,
      size: 0,
    };
    progress.size++;
    if (entryOf(draft, step)) progress.done++;
    sections.set(step.section.id, progress);
  }
  return [...sections.values()];
}

/** "Acme, 14 of 33 answered, 2 skipped; Presence next (question 3 of 7)." */
export function orientation(
  draft: Draft,
  steps: readonly QuestionStep[],
  open: readonly QuestionStep[],
  revisit: boolean,
): string {
  const questions = steps.filter((s) => s.section.id !== PROFILE_SECTION.id);
  const entries = questions.map((s) => entryOf(draft, s));
  const answered = entries.filter((e) => e && e.type !== "skipped").length;
  const skipped = entries.filter((e) => e?.type === "skipped").length;
  const head = `${draft.organization}, ${answered} of ${questions.length} answered${skipped > 0 ? `, ${skipped} skipped` : ""}`;
  const next = open.find((s) => s.section.id !== PROFILE_SECTION.id);
  const profile = open.some((s) => s.section.id === PROFILE_SECTION.id)
    ? "four questions about the organisation, then "
    : "";
  if (!next) {
    const hint = skipped > 0 && !revisit ? " (--revisit asks the skipped ones again)" : "";
    return profile
      ? `${head}; ${profile.replace(", then ", "")} next.`
      : `${head}; nothing left to ask${hint}.`;
  }
  return `${head}; ${profile}${next.section.title} next (question ${next.position} of ${next.sectionSize}).`;
}

function welcome(steps: readonly QuestionStep[]): string[] {
  const questions = steps.filter((s) => s.section.id !== PROFILE_SECTION.id);
  const sections = [...new Set(questions.map((s) => s.section))];
  const about = steps.length - questions.length;
  const minutes = Math.max(5, Math.round(steps.length * 0.5));
  return [
    "social-audit: are you living in social media, or merely existing there?",
    "",
    `This interview covers ${sections.length} dimension${sections.length === 1 ? "" : "s"} in ${questions.length} questions, after ${about} about the organisation; about ${minutes} minutes:`,
    ...sections.map((s) => {
      const size = questions.filter((step) => step.section === s).length;
      return `  ${s.title} (${size} questions)`;
    }),
    "",
    "Every answer is saved as you go. Skip what you do not know; Ctrl-C stops, and --resume continues.",
  ];
}

/** Runs an interview to the end and returns the finished draft; a cancelled prompt propagates. */
export async function runInterview(prompter: Prompter, options: InterviewOptions): Promise<Draft> {
  const questions = dimensionSteps(options.rubrics, options.dimensions);
  const revisit = options.revisit ?? false;
  let draft: Draft;
  let steps: QuestionStep[];
  /** Steps this run should stop at going forward; going back may visit any earlier step. */
  const open = new Set<QuestionStep>();
  if (options.resume) {
    draft = options.respondent
      ? { ...options.resume, respondent: options.respondent }
      : options.resume;
    // The profile is asked again only when it is missing (a plan written before it existed).
    const askProfile = draft.profile === undefined;
    steps = [...(askProfile ? profileSteps() : []), ...questions];
    for (const step of steps) {
      const entry = entryOf(draft, step);
      if (step.section.id === PROFILE_SECTION.id || !entry) open.add(step);
      else if (revisit && entry.type === "skipped") open.add(step);
    }
    prompter.say([
      orientation(
        draft,
        steps,
        steps.filter((s) => open.has(s)),
        revisit,
      ),
    ]);
  } else {
    steps = [...profileSteps(), ...questions];
    for (const step of steps) open.add(step);
    prompter.say(welcome(steps));
    const organization = await prompter.askText("Organisation name", { required: true });
    draft = {
      organization,
      ...(options.respondent ? { respondent: options.respondent } : {}),
      date: options.today,
      entries: new Map(),
    };
    // Saved at once, as every answer is: a Ctrl-C at the next prompt keeps the name.
    await options.save(draft);
    const auditor = await prompter.askText("Auditor name (optional)", { required: false });
    if (auditor) {
      draft = { ...draft, auditor };
      await options.save(draft);
    }
  }

  // A question the profile rules out (a two-person shop is not asked about departments) is
  // passed over, going forward and back; the report lists it as not applicable, with why.
  const applies = (step: QuestionStep) =>
    step.section.id === PROFILE_SECTION.id ||
    !isScored(step.question) ||
    appliesTo(step.question, draft.profile);
  const nextOpen = (from: number) => {
    for (let i = from; i < steps.length; i++) {
      const step = steps[i] as QuestionStep;
      if (open.has(step) && applies(step)) return i;
    }
    return steps.length;
  };
  const previous = (from: number) => {
    for (let i = from - 1; i >= 0; i--) if (applies(steps[i] as QuestionStep)) return i;
    return Math.max(0, from - 1);
  };
  let index = nextOpen(0);
  let introduced: string | undefined;
  while (index < steps.length) {
    const step = steps[index];
    if (!step) break;
    if (introduced !== step.section.id) {
      prompter.say(["", step.section.title, ...step.section.intro.map((l) => `  ${l}`)]);
      introduced = step.section.id;
    }
    // "question 5 of 7" counts the questions that apply, so ruled-out ones leave no gaps.
    const section = steps.filter((s) => s.section.id === step.section.id && applies(s));
    const shown = { ...step, position: section.indexOf(step) + 1, sectionSize: section.length };
    const current = entryOf(draft, step);
    const reply = await prompter.ask(shown, current, {
      canGoBack: index > 0 && steps.slice(0, index).some(applies),
      progress: progressOf(draft, questions.filter(applies)),
    });
    if (reply.type === "back") {
      // A step gone back to is asked again, and so is the one we came from on the way forward.
      open.add(step);
      index = previous(index);
      open.add(steps[index] as QuestionStep);
      continue;
    }
    if (reply.type === "not-applicable" && !step.notApplicable) {
      throw new Error(`"${step.question.id}" does not allow n/a`);
    }
    const meta = await metaFor(prompter, step, reply, current, draft, options.today);
    draft = withEntry(draft, step, reply, meta);
    await options.save(draft);
    index = nextOpen(index + 1);
  }
  return draft;
}

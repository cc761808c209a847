import type { Answer, Question } from "../core/kinds/index.js";
import type { Plan } from "../core/plan.js";
import type { DimensionRubric, RubricSet } from "../core/rubric.js";

/** What a person did at one question. */
export type Reply = { type: "answer"; value: Answer } | { type: "skip" } | { type: "back" };

export interface QuestionStep {
  dimension: DimensionRubric;
  question: Question;
  /** 1-based position within its dimension, and the dimension's size. */
  position: number;
  dimensionSize: number;
  /** 1-based position across the whole interview, and its size. */
  overall: number;
  total: number;
}

/** The interview's only view of the terminal; tests replace it with a scripted one. */
export interface Prompter {
  say(lines: readonly string[]): void;
  askText(message: string, options: { default?: string; required: boolean }): Promise<string>;
  ask(step: QuestionStep, current: Answer | undefined, canGoBack: boolean): Promise<Reply>;
}

export interface InterviewOptions {
  rubrics: RubricSet;
  /** Only these dimensions, in rubric order; all when empty. */
  dimensions?: readonly string[];
  /** A plan to continue; only its unanswered questions are asked. */
  resume?: Plan;
  today: string;
  /** Called after every change, so an interruption loses nothing. */
  save: (plan: Plan) => Promise<void>;
}

export function interviewSteps(
  rubrics: RubricSet,
  dimensions: readonly string[] = [],
): QuestionStep[] {
  const chosen = rubrics.dimensions.filter(
    (d) => dimensions.length === 0 || dimensions.includes(d.rubric.id),
  );
  const total = chosen.reduce((n, d) => n + d.rubric.questions.length, 0);
  let overall = 0;
  return chosen.flatMap(({ rubric }) =>
    rubric.questions.map((question, i) => ({
      dimension: rubric,
      question,
      position: i + 1,
      dimensionSize: rubric.questions.length,
      overall: ++overall,
      total,
    })),
  );
}

function cloneAnswers(plan: Plan): Map<string, Map<string, Answer>> {
  return new Map([...plan.answers].map(([d, a]) => [d, new Map(a)]));
}

function welcome(steps: readonly QuestionStep[]): string[] {
  const dimensions = [...new Set(steps.map((s) => s.dimension))];
  const minutes = Math.max(5, Math.round(steps.length * 0.5));
  return [
    "social-audit: are you living in social media, or merely existing there?",
    "",
    `This interview covers ${dimensions.length} dimension${dimensions.length === 1 ? "" : "s"} in ${steps.length} questions, about ${minutes} minutes:`,
    ...dimensions.map((d) => `  ${d.title} (${d.questions.length} questions)`),
    "",
    'Every answer is saved as you go. Choose "Not sure / skip" when you do not know; Ctrl-C stops, and --resume continues.',
    "",
  ];
}

/** Runs an interview to the end and returns the finished plan; a cancelled prompt propagates. */
export async function runInterview(prompter: Prompter, options: InterviewOptions): Promise<Plan> {
  const steps = interviewSteps(options.rubrics, options.dimensions);
  let plan: Plan;
  if (options.resume) {
    plan = { ...options.resume, answers: cloneAnswers(options.resume) };
  } else {
    prompter.say(welcome(steps));
    const organization = await prompter.askText("Organization name", { required: true });
    const auditor = await prompter.askText("Auditor name (optional)", { required: false });
    plan = {
      organization,
      date: options.today,
      ...(auditor ? { auditor } : {}),
      answers: new Map(),
    };
    await options.save(plan);
  }

  const answered = (step: QuestionStep) =>
    plan.answers.get(step.dimension.id)?.has(step.question.id) ?? false;
  // Resuming asks only what is still open; going back may revisit anything asked this time.
  const queue = options.resume ? steps.filter((s) => !answered(s)) : steps;
  let index = 0;
  let introduced: string | undefined;
  while (index < queue.length) {
    const step = queue[index];
    if (!step) break;
    if (introduced !== step.dimension.id) {
      prompter.say([
        "",
        step.dimension.title,
        `  Existing: ${step.dimension.existing}`,
        `  Living:   ${step.dimension.living}`,
        "",
      ]);
      introduced = step.dimension.id;
    }
    const current = plan.answers.get(step.dimension.id)?.get(step.question.id);
    const reply = await prompter.ask(step, current, index > 0);
    if (reply.type === "back") {
      index--;
      continue;
    }
    const answers = cloneAnswers(plan);
    const forDimension = answers.get(step.dimension.id) ?? new Map<string, Answer>();
    if (reply.type === "answer") forDimension.set(step.question.id, reply.value);
    else forDimension.delete(step.question.id);
    answers.set(step.dimension.id, forDimension);
    plan = { ...plan, answers };
    await options.save(plan);
    index++;
  }
  return plan;
}

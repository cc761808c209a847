import type { Answer, Question } from "../core/kinds/index.js";
import type { AnswerMeta, Profile, Respondent } from "../core/plan-file.js";
import type { RubricSet } from "../core/rubric.js";
import type { Section } from "./section.js";

// The interview's vocabulary: the draft it builds, what a person can do at a question, and
// the Prompter through which session.ts asks (inquirer in a terminal, a script in tests).

/**
 * Where a question stands in an interview: answered, set aside as not applicable, or skipped.
 * `meta` is what the plan says besides the value (evidence, its date, who checked it): an
 * answer written as `{ answer, evidence, asOf, by }` keeps it, and the file keeps that form.
 */
export type Entry =
  | { type: "answer"; value: Answer; meta?: AnswerMeta | undefined }
  | { type: "not-applicable"; meta?: AnswerMeta | undefined }
  | { type: "skipped" };

/** The plan as the interview sees it: what a plan file holds, plus which questions were skipped. */
export interface Draft {
  organization: string;
  /** Who is answering (`interview --respondent`); `audit --merge` combines several. */
  respondent?: Respondent | undefined;
  date?: string | undefined;
  auditor?: string | undefined;
  profile?: Profile | undefined;
  /** By dimension id, then question id. */
  entries: ReadonlyMap<string, ReadonlyMap<string, Entry>>;
}

/** What a person did at one question. */
export type Reply =
  | { type: "answer"; value: Answer }
  | { type: "not-applicable" }
  | { type: "skip" }
  | { type: "back" };

export interface QuestionStep {
  section: Section;
  question: Question;
  /** 1-based position within its section, and the section's size. */
  position: number;
  sectionSize: number;
  /** Why `n/a` is allowed here; undefined when the question applies to everyone. */
  notApplicable?: string | undefined;
}

/** How far each dimension of the interview is: questions with an answer, n/a or skip. */
export interface SectionProgress {
  id: string;
  title: string;
  done: number;
  size: number;
}

export interface AskContext {
  canGoBack: boolean;
  progress: readonly SectionProgress[];
}

export interface TextOptions {
  default?: string | undefined;
  required: boolean;
  /** Shown on `?`; a default fits names. */
  help?: string | undefined;
  /** Longest answer accepted (default 200 characters). */
  maxLength?: number | undefined;
}

/** The interview's only view of the terminal; tests replace it with a scripted one. */
export interface Prompter {
  say(lines: readonly string[]): void;
  askText(message: string, options: TextOptions): Promise<string>;
  ask(step: QuestionStep, current: Entry | undefined, context: AskContext): Promise<Reply>;
}

export interface InterviewOptions {
  rubrics: RubricSet;
  /** Only these dimensions, in rubric order; all when empty. */
  dimensions?: readonly string[];
  /** A plan to continue: only what is still open is asked. */
  resume?: Draft;
  /** On resume, ask skipped questions again too. */
  revisit?: boolean;
  /** Who is answering: recorded in the plan, and as `by` on the evidence they give. */
  respondent?: Respondent | undefined;
  today: string;
  /** Called after every change, so an interruption loses nothing. */
  save: (draft: Draft) => Promise<void>;
}

import { checkbox, confirm, editor, input, select, Separator } from "@inquirer/prompts";
import { Chalk } from "chalk";
import type { Answer, Question } from "../core/kinds/index.js";
import { MAX_TEXT_ANSWER } from "../core/kinds/text.js";
import { InterruptedError } from "../errors.js";
import { oneLine, stripControl } from "../text/sanitize.js";
import { wrap } from "../text/width.js";
import type { Prompter, QuestionStep, Reply } from "./session.js";

/** The only module that imports inquirer: every prompt of the interview is built here. */

const SKIP = "\u0000skip";
const BACK = "\u0000back";
const SKIP_LABEL = "Not sure / skip";
const BACK_LABEL = "← Back to the previous question";
/** Typed at a free-text prompt to go back; a lone "<" is never a meaningful answer. */
export const BACK_KEY = "<";

export interface Streams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

type SelectValue = string | number | boolean;

/** A prompt ready to run: which inquirer prompt, its config, and how its value becomes a Reply. */
export type PromptSpec =
  | {
      prompt: "select";
      config: Parameters<typeof select<SelectValue>>[0];
      toReply: (value: SelectValue) => Reply;
    }
  | {
      prompt: "checkbox";
      config: Parameters<typeof checkbox<string>>[0];
      toReply: (values: string[]) => Reply;
    }
  | { prompt: "input"; config: Parameters<typeof input>[0]; toReply: (value: string) => Reply }
  | { prompt: "editor"; config: Parameters<typeof editor>[0]; toReply: (value: string) => Reply };

function navigation(canGoBack: boolean): { name: string; value: string }[] {
  return [
    { name: SKIP_LABEL, value: SKIP },
    ...(canGoBack ? [{ name: BACK_LABEL, value: BACK }] : []),
  ];
}

function fromSentinel(value: unknown): Reply | undefined {
  if (value === SKIP) return { type: "skip" };
  if (value === BACK) return { type: "back" };
  return undefined;
}

function freeTextHint(canGoBack: boolean): string {
  return `Enter on an empty line skips${canGoBack ? `, ${BACK_KEY} goes back` : ""}`;
}

/** A list to pick one answer from, followed by skip (and back), with the saved answer selected. */
function selectSpec(
  message: string,
  options: { name: string; value: SelectValue }[],
  current: Answer | undefined,
  canGoBack: boolean,
  toAnswer: (value: SelectValue) => Answer,
): PromptSpec {
  return {
    prompt: "select",
    config: {
      message,
      choices: [...options, new Separator(), ...navigation(canGoBack)],
      default: current ?? undefined,
      pageSize: 14,
      loop: false,
    },
    toReply: (value) => fromSentinel(value) ?? { type: "answer", value: toAnswer(value) },
  };
}

/** Builds the prompt for a question of any kind: the single place kinds meet inquirer. */
export function promptSpec(
  question: Question,
  current: Answer | undefined,
  canGoBack: boolean,
): PromptSpec {
  const message = oneLine(question.prompt);
  switch (question.kind) {
    case "choice":
      return selectSpec(
        message,
        question.choices.map((c) => ({ name: oneLine(c.label), value: c.value })),
        current,
        canGoBack,
        String,
      );
    case "scale":
      return selectSpec(
        message,
        question.labels.map((label, i) => ({
          name: `${question.min + i}  ${oneLine(label)}`,
          value: question.min + i,
        })),
        current,
        canGoBack,
        Number,
      );
    case "boolean":
      return selectSpec(
        message,
        [
          { name: "Yes", value: true },
          { name: "No", value: false },
        ],
        current,
        canGoBack,
        (value) => value === true,
      );
    case "multi": {
      const selected = Array.isArray(current) ? current : [];
      return {
        prompt: "checkbox",
        config: {
          message: `${message} (space selects, enter confirms; none is a valid answer)`,
          choices: [
            ...question.options.map((o) => ({
              name: oneLine(o.label),
              value: o.value,
              checked: selected.includes(o.value),
            })),
            new Separator(),
            ...navigation(canGoBack).map((n) => ({ ...n, checked: false })),
          ],
          pageSize: 14,
          loop: false,
          validate: (choices: readonly { value: string }[]) => {
            const values = choices.map((c) => c.value);
            const navigating = values.filter((v) => v === SKIP || v === BACK);
            if (navigating.length > 0 && values.length > 1)
              return `Choose "${SKIP_LABEL}"${canGoBack ? " or Back" : ""} on its own`;
            return true;
          },
        },
        toReply: (values) =>
          fromSentinel(values.find((v) => v === SKIP || v === BACK)) ?? {
            type: "answer",
            value: values,
          },
      };
    }
    case "number": {
      const range = `${question.min} to ${question.max}`;
      return {
        prompt: "input",
        config: {
          message: `${message} [${oneLine(question.unit)}, ${range}; ${freeTextHint(canGoBack)}]`,
          default: typeof current === "number" ? String(current) : undefined,
          validate: (raw: string) => {
            const text = raw.trim();
            if (text === "" || (canGoBack && text === BACK_KEY)) return true;
            const value = Number(text.replace(",", "."));
            if (!Number.isFinite(value))
              return `Enter a number of ${oneLine(question.unit)} (${range}), or leave it empty to skip`;
            if (value < question.min || value > question.max)
              return `Enter a number from ${range} ${oneLine(question.unit)}`;
            return true;
          },
        },
        toReply: (raw) => {
          const text = raw.trim();
          if (text === "") return { type: "skip" };
          if (text === BACK_KEY) return { type: "back" };
          return { type: "answer", value: Number(text.replace(",", ".")) };
        },
      };
    }
    case "text": {
      const toReply = (raw: string): Reply => {
        const text = stripControl(raw).trim();
        if (text === "") return { type: "skip" };
        if (canGoBack && text === BACK_KEY) return { type: "back" };
        return { type: "answer", value: text };
      };
      if (question.multiline) {
        // Longer notes get the person's own editor ($VISUAL or $EDITOR); saving it empty skips.
        return {
          prompt: "editor",
          config: {
            message: `${message} [opens your editor; save it empty to skip${canGoBack ? `, or just ${BACK_KEY} to go back` : ""}]`,
            default: typeof current === "string" ? current : "",
            waitForUserInput: true,
            validate: (raw: string) =>
              raw.length > MAX_TEXT_ANSWER ? `Keep it under ${MAX_TEXT_ANSWER} characters` : true,
          },
          toReply,
        };
      }
      return {
        prompt: "input",
        config: {
          message: `${message} [${freeTextHint(canGoBack)}]`,
          default: typeof current === "string" ? current : undefined,
          validate: (raw: string) =>
            raw.length > MAX_TEXT_ANSWER ? `Keep it under ${MAX_TEXT_ANSWER} characters` : true,
        },
        toReply,
      };
    }
  }
}

/** Runs a spec with inquirer; Ctrl-C and a closed terminal become an InterruptedError. */
export async function runSpec(spec: PromptSpec, streams: Streams): Promise<Reply> {
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: false };
  try {
    switch (spec.prompt) {
      case "select":
        return spec.toReply(await select<SelectValue>(spec.config, context));
      case "checkbox":
        return spec.toReply(await checkbox<string>(spec.config, context));
      case "input":
        return spec.toReply(await input(spec.config, context));
      case "editor":
        return spec.toReply(await editor(spec.config, context));
    }
  } catch (error) {
    throw asInterruption(error);
  }
}

function asInterruption(error: unknown): unknown {
  // inquirer signals Ctrl-C and a closed input with ExitPromptError.
  if (
    error instanceof Error &&
    (error.name === "ExitPromptError" || error.name === "AbortPromptError")
  )
    return new InterruptedError("interrupted");
  return error;
}

export async function askConfirm(
  streams: Streams,
  message: string,
  fallback = true,
): Promise<boolean> {
  try {
    return await confirm(
      { message, default: fallback },
      { input: streams.input, output: streams.output, clearPromptOnDone: false },
    );
  } catch (error) {
    throw asInterruption(error);
  }
}

/** Kept for callers that import it from here; the helper lives in src/text. */
export { wrap };

export function inquirerPrompter(streams: Streams, color: boolean): Prompter {
  const c = new Chalk({ level: color ? 1 : 0 });
  const width = () =>
    Math.max(40, Math.min(((streams.output as { columns?: number }).columns ?? 80) - 1, 100));
  // Sanitise and wrap the text first, then style it, so our own colour codes survive.
  const write = (text: string, style: (s: string) => string = (s) => s) =>
    streams.output.write(`${style(wrap(stripControl(text), width()))}\n`);
  return {
    say: (lines) => {
      const heading = lines.findIndex((line) => line.trim() !== "");
      lines.forEach((line, i) => write(line, i === heading ? c.bold : undefined));
    },
    askText: async (message, options) => {
      try {
        const value = await input(
          {
            message,
            ...(options.default ? { default: options.default } : {}),
            validate: (raw: string) => {
              if (options.required && raw.trim() === "") return "This is needed for the report";
              return raw.length > 200 ? "Keep it under 200 characters" : true;
            },
          },
          { input: streams.input, output: streams.output, clearPromptOnDone: false },
        );
        return oneLine(value);
      } catch (error) {
        throw asInterruption(error);
      }
    },
    ask: async (step: QuestionStep, current, canGoBack) => {
      write("");
      write(
        `${step.dimension.title} ${step.position}/${step.dimensionSize} · ${step.overall}/${step.total}`,
        c.cyan,
      );
      write(oneLine(step.question.help));
      return runSpec(promptSpec(step.question, current, canGoBack), streams);
    },
  };
}

import { confirm, editor } from "@inquirer/prompts";
import { Chalk } from "chalk";
import { describeAnswer, type Answer } from "../core/kinds/index.js";
import { MAX_TEXT_ANSWER } from "../core/kinds/text.js";
import { InterruptedError } from "../errors.js";
import { oneLine, stripControl } from "../text/sanitize.js";
import { NOT_APPLICABLE } from "./plan-document.js";
import {
  field,
  menu,
  type FieldConfig,
  type MenuConfig,
  type MenuResult,
  type MenuValue,
  type PromptFrame,
} from "./prompts.js";
import type { AskContext, Entry, Prompter, QuestionStep, Reply } from "./types.js";
import { flow, wrapHanging as wrap } from "../text/lines.js";

/** The only module that runs inquirer: every prompt of the interview is built here. */

/** Typed at a free-text prompt to go back; a lone "<" is never a meaningful answer. */
export const BACK_KEY = "<";

export interface Streams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** What every prompt of a question shares: its header, help, width and colour. */
export type Frame = Omit<PromptFrame, "message" | "help">;

/** A prompt ready to run: which prompt, its config, and how its value becomes a Reply. */
export type PromptSpec =
  | { prompt: "menu"; config: MenuConfig; toReply: (result: MenuResult) => Reply }
  | { prompt: "field"; config: FieldConfig; toReply: (raw: string) => Reply }
  | {
      prompt: "editor";
      config: Parameters<typeof editor>[0];
      toReply: (raw: string) => Reply;
    };

function fromMenu(toAnswer: (values: MenuValue[]) => Answer) {
  return (result: MenuResult): Reply =>
    result.type === "values" ? { type: "answer", value: toAnswer(result.values) } : result;
}

/** Builds the prompt for a question of any kind: the single place kinds meet the prompts. */
export function promptSpec(
  step: QuestionStep,
  current: Entry | undefined,
  canGoBack: boolean,
  frame: Frame,
): PromptSpec {
  const question = step.question;
  const answer = current?.type === "answer" ? current.value : undefined;
  const base = {
    ...frame,
    message: oneLine(question.prompt),
    help: oneLine(question.help),
  };
  const menuOf = (
    options: { label: string; value: MenuValue }[],
    toAnswer: (values: MenuValue[]) => Answer,
    multiple = false,
    numbered = !multiple,
  ): PromptSpec => ({
    prompt: "menu",
    config: {
      ...base,
      options,
      multiple,
      numbered,
      initial: answer === undefined ? [] : Array.isArray(answer) ? answer : [answer],
      back: canGoBack,
      notApplicable: step.notApplicable && oneLine(step.notApplicable),
    },
    toReply: fromMenu(toAnswer),
  });
  const na = step.notApplicable !== undefined;
  const freeHints = [
    "empty skips",
    ...(canGoBack ? [`${BACK_KEY} back`] : []),
    ...(na ? [`${NOT_APPLICABLE} not applicable`] : []),
  ];
  const freeReply = (text: string): Reply | undefined => {
    if (text === "") return { type: "skip" };
    if (canGoBack && text === BACK_KEY) return { type: "back" };
    if (na && text.toLowerCase() === NOT_APPLICABLE) return { type: "not-applicable" };
    return undefined;
  };
  switch (question.kind) {
    case "choice":
      return menuOf(
        question.choices.map((c) => ({ label: oneLine(c.label), value: c.value })),
        ([v]) => String(v),
      );
    case "scale":
      return menuOf(
        question.labels.map((label, i) => ({
          label: `${question.min + i}  ${oneLine(label)}`,
          value: question.min + i,
        })),
        ([v]) => Number(v),
        false,
        false,
      );
    case "boolean":
      return menuOf(
        [
          { label: "Yes", value: true },
          { label: "No", value: false },
        ],
        ([v]) => v === true,
      );
    case "multi":
      return menuOf(
        question.options.map((o) => ({ label: oneLine(o.label), value: o.value })),
        (values) => values.map(String),
        true,
      );
    case "number": {
      const range = `${question.min} to ${question.max}`;
      const unit = oneLine(question.unit);
      return {
        prompt: "field",
        config: {
          ...base,
          message: `${base.message} [${unit}, ${range}]`,
          default: typeof answer === "number" ? String(answer) : undefined,
          hints: freeHints,
          validate: (raw: string) => {
            const text = raw.trim();
            if (freeReply(text)) return true;
            const value = Number(text.replace(",", "."));
            if (!Number.isFinite(value))
              return `Enter a number of ${unit} (${range}), or leave it empty to skip`;
            if (value < question.min || value > question.max)
              return `Enter a number from ${range} ${unit}`;
            return true;
          },
        },
        toReply: (raw) => {
          const text = raw.trim();
          return freeReply(text) ?? { type: "answer", value: Number(text.replace(",", ".")) };
        },
      };
    }
    case "text": {
      const toReply = (raw: string): Reply => {
        const text = stripControl(raw).trim();
        return freeReply(text) ?? { type: "answer", value: text };
      };
      const validate = (raw: string) =>
        raw.length > MAX_TEXT_ANSWER ? `Keep it under ${MAX_TEXT_ANSWER} characters` : true;
      if (question.multiline) {
        // Longer notes get the person's own editor ($VISUAL or $EDITOR); saving it empty skips.
        return {
          prompt: "editor",
          config: {
            message: `${base.message} [opens your editor; save it empty to skip${canGoBack ? `, or just ${BACK_KEY} to go back` : ""}]`,
            default: typeof answer === "string" ? answer : "",
            waitForUserInput: true,
            validate,
          },
          toReply,
        };
      }
      return {
        prompt: "field",
        config: {
          ...base,
          default: typeof answer === "string" ? answer : undefined,
          hints: freeHints,
          validate,
        },
        toReply,
      };
    }
  }
}

/** Runs a spec; Ctrl-C and a closed terminal become an InterruptedError, the prompt cleared. */
export async function runSpec(spec: PromptSpec, streams: Streams): Promise<Reply> {
  // The prompt is cleared when it ends, answered or not: the caller prints the answer as one
  // line, and Ctrl-C leaves no half-drawn menu behind.
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: true };
  try {
    switch (spec.prompt) {
      case "menu":
        return spec.toReply(await menu(spec.config, context));
      case "field":
        return spec.toReply(await field(spec.config, context));
      case "editor":
        return spec.toReply(await editor(spec.config, { ...context, clearPromptOnDone: false }));
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

/** The two lines above a question: where it is, and how far each dimension has come. */
export function header(
  step: QuestionStep,
  context: Pick<AskContext, "progress">,
  width: number,
  color: boolean,
): string[] {
  const c = new Chalk({ level: color ? 1 : 0 });
  const where = `${step.section.title} · question ${step.position} of ${step.sectionSize}`;
  const progress = context.progress.map(
    (p) => `${p.id === step.section.id ? "▸ " : ""}${p.title} ${p.done}/${p.size}`,
  );
  return [
    "",
    ...wrap(where, width).map((l) => c.bold.cyan(l)),
    ...(progress.length > 1 ? flow(progress, " · ", width).map((l) => c.dim(l)) : []),
  ];
}

/** The answer as one line of the transcript left above the next question. */
export function transcript(step: QuestionStep, reply: Reply): string {
  const what =
    reply.type === "answer"
      ? Array.isArray(reply.value) && reply.value.length === 0
        ? "none"
        : describeAnswer(step.question, reply.value)
      : reply.type === "skip"
        ? "skipped"
        : reply.type === "not-applicable"
          ? "not applicable"
          : "";
  return `✔ ${oneLine(step.question.prompt)} · ${oneLine(Array.isArray(what) ? what.join(", ") : what)}`;
}

export function inquirerPrompter(streams: Streams, color: boolean): Prompter {
  const c = new Chalk({ level: color ? 1 : 0 });
  const tty = streams.output as NodeJS.WritableStream & { columns?: number };
  // One column short of the edge, so no terminal wraps a full line on its own.
  const width = () => Math.max(30, Math.min((tty.columns ?? 80) - 1, 100));
  const onResize = (listener: () => void) => {
    tty.on("resize", listener);
    return () => {
      tty.off("resize", listener);
    };
  };
  // Sanitise and wrap the text first, then style it, so our own colour codes survive.
  const write = (text: string, style: (s: string) => string = (s) => s) =>
    streams.output.write(
      `${wrap(stripControl(text), width(), text.startsWith("✔") ? "  " : undefined)
        .map((l) => style(l))
        .join("\n")}\n`,
    );
  return {
    say: (lines) => {
      const heading = lines.findIndex((line) => line.trim() !== "");
      lines.forEach((line, i) => write(line, i === heading ? c.bold : undefined));
    },
    askText: async (message, options) => {
      try {
        const value = await field(
          {
            header: () => [],
            message,
            help:
              options.help ??
              (options.required
                ? "The name appears at the top of the report."
                : "Leave it empty to leave it out."),
            width,
            color,
            onResize,
            default: options.default,
            hints: options.required ? [] : ["empty leaves it out"],
            validate: (raw: string) => {
              if (options.required && raw.trim() === "") return "This is needed for the report";
              const max = options.maxLength ?? 200;
              return raw.length > max ? `Keep it under ${max} characters` : true;
            },
          },
          { input: streams.input, output: streams.output, clearPromptOnDone: true },
        );
        const text = oneLine(value);
        write(`✔ ${message} · ${text || "-"}`, c.dim);
        return text;
      } catch (error) {
        throw asInterruption(error);
      }
    },
    ask: async (step, current, context) => {
      const spec = promptSpec(step, current, context.canGoBack, {
        header: (w) => header(step, context, w, color),
        width,
        color,
        onResize,
      });
      const reply = await runSpec(spec, streams);
      if (reply.type !== "back") write(transcript(step, reply), c.dim);
      return reply;
    },
  };
}

import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isTabKey,
  isUpKey,
  useEffect,
  useState,
  useKeypress,
  type KeypressEvent,
} from "@inquirer/core";
import { Chalk } from "chalk";
import { fitLine, wrapHanging as wrap } from "../text/lines.js";

/**
 * The interview's two prompts, built on inquirer's core so they can show what a person needs
 * at a client's terminal: a key hint under every prompt, help one key away (?), Back as the
 * first entry, and a layout that follows the terminal's width, even when it is resized.
 */

export type MenuValue = string | number | boolean;

export interface PromptFrame {
  /** Lines above the prompt (section and progress), rebuilt for the current width. */
  header: (width: number) => string[];
  message: string;
  help: string;
  /** Current terminal width; read on every render. */
  width: () => number;
  color: boolean;
  /** Calls back when the terminal is resized; returns the unsubscribe. */
  onResize?: (listener: () => void) => () => void;
}

export interface MenuConfig extends PromptFrame {
  options: readonly { label: string; value: MenuValue }[];
  multiple: boolean;
  /** Number the options (1-9 jump to them); off where labels carry their own numbers. */
  numbered?: boolean;
  /** The saved answer: selected values (checkbox) or the one to start on (list). */
  initial: readonly MenuValue[];
  back: boolean;
  /** The reason n/a is allowed; absent when the question applies to everyone. */
  notApplicable?: string | undefined;
}

export type MenuResult =
  | { type: "values"; values: MenuValue[] }
  | { type: "back" }
  | { type: "skip" }
  | { type: "not-applicable" };

type Row =
  | { kind: "option"; index: number }
  | { kind: "back" }
  | { kind: "not-applicable" }
  | { kind: "skip" };

export const LABELS = {
  back: "← Back to the previous question",
  notApplicable: "Not applicable to us",
  skip: "Not sure / skip",
};

function rowsOf(config: MenuConfig): Row[] {
  return [
    ...(config.back ? [{ kind: "back" } as const] : []),
    ...config.options.map((_, index) => ({ kind: "option", index }) as const),
    ...(config.notApplicable ? [{ kind: "not-applicable" } as const] : []),
    { kind: "skip" } as const,
  ];
}

/** The character a key press typed, if any ("?" has no key name). */
function typed(key: KeypressEvent): string {
  const sequence = (key as { sequence?: unknown }).sequence;
  return typeof sequence === "string" ? sequence : key.name;
}

/** Re-renders when the terminal is resized, so the layout follows the new width. */
function useResize(onResize: PromptFrame["onResize"]): void {
  const [, setSize] = useState(0);
  useEffect(() => {
    if (!onResize) return undefined;
    let count = 0;
    return onResize(() => {
      setSize(++count);
    });
  }, []);
}

function helpLines(frame: PromptFrame, notApplicable: string | undefined, width: number) {
  const c = new Chalk({ level: frame.color ? 1 : 0 });
  const lines = wrap(`  ${frame.help}`, width);
  if (notApplicable)
    lines.push(...wrap(`  Not applicable to you when: ${notApplicable}`, width, "    "));
  return lines.map((l) => c.dim(l));
}

/** Key hints by priority (lower is kept longer); shown in their own order, as many as fit. */
type Hint = readonly [text: string, priority: number];

function hintLine(frame: PromptFrame, hints: readonly Hint[], width: number): string {
  const c = new Chalk({ level: frame.color ? 1 : 0 });
  let kept = [...hints];
  const line = () => kept.map(([text]) => text).join(" · ");
  while (kept.length > 1 && Array.from(line()).length > width) {
    const least = Math.max(...kept.map(([, p]) => p));
    const index = kept.findLastIndex(([, p]) => p === least);
    kept = kept.filter((_, i) => i !== index);
  }
  return c.dim(fitLine([line()], "", width));
}

export const menu = createPrompt<MenuResult, MenuConfig>((config, done) => {
  const rows = rowsOf(config);
  const firstOption = rows.findIndex((r) => r.kind === "option");
  const startAt = config.multiple
    ? firstOption
    : rows.findIndex(
        (r) => r.kind === "option" && config.options[r.index]?.value === config.initial[0],
      );
  const [cursor, setCursor] = useState(startAt >= 0 ? startAt : firstOption);
  const [selected, setSelected] = useState<readonly MenuValue[]>(config.initial);
  const [showHelp, setShowHelp] = useState(false);
  const [finished, setFinished] = useState(false);
  useResize(config.onResize);

  const finish = (result: MenuResult) => {
    setFinished(true);
    done(result);
  };
  const act = (row: Row | undefined) => {
    if (!row) return;
    if (row.kind === "back") finish({ type: "back" });
    else if (row.kind === "skip") finish({ type: "skip" });
    else if (row.kind === "not-applicable") finish({ type: "not-applicable" });
    else if (config.multiple)
      // The order of the options, not of the key presses, so saved lists read the same.
      finish({
        type: "values",
        values: config.options.map((o) => o.value).filter((v) => selected.includes(v)),
      });
    else finish({ type: "values", values: [config.options[row.index]?.value ?? ""] });
  };
  const toggle = (value: MenuValue) => {
    setSelected(
      selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value],
    );
  };

  useKeypress((key, rl) => {
    if (finished) return;
    const char = typed(key);
    if (isEnterKey(key)) {
      act(rows[cursor]);
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      setCursor(Math.max(0, Math.min(rows.length - 1, cursor + (isUpKey(key) ? -1 : 1))));
      return;
    }
    rl.clearLine(0);
    const row = rows[cursor];
    if (config.multiple && isSpaceKey(key) && row?.kind === "option") {
      const value = config.options[row.index]?.value;
      if (value !== undefined) toggle(value);
    } else if (config.multiple && char === "a") {
      // All real options, never the navigation entries; all selected already means none.
      const all = config.options.map((o) => o.value);
      setSelected(all.every((v) => selected.includes(v)) ? [] : all);
    } else if (char === "?") setShowHelp(!showHelp);
    else if (char === "b" && config.back) finish({ type: "back" });
    else if (char === "s") finish({ type: "skip" });
    else if (char === "n" && config.notApplicable) finish({ type: "not-applicable" });
    else if (!config.multiple && /^[0-9]$/.test(char)) {
      // Numbered lists jump by position; scales, whose labels start with their value, by value.
      const wanted = (r: Row) =>
        r.kind === "option" &&
        (config.numbered === false
          ? config.options[r.index]?.value === Number(char)
          : r.index === Number(char) - 1);
      const index = rows.findIndex(wanted);
      if (index >= 0) setCursor(index);
    }
  });

  const c = new Chalk({ level: config.color ? 1 : 0 });
  const width = config.width();
  if (finished) return "";
  const lines = [
    ...config.header(width),
    ...wrap(`? ${config.message}`, width, "  ").map((l, i) => (i === 0 ? c.bold(l) : c.bold(l))),
  ];
  rows.forEach((row, i) => {
    const active = i === cursor;
    const pointer = active ? "❯ " : "  ";
    let label: string;
    if (row.kind === "option") {
      const option = config.options[row.index];
      const box = config.multiple ? (selected.includes(option?.value ?? "") ? "◉ " : "◯ ") : "";
      const number = config.multiple || config.numbered === false ? "" : `${row.index + 1}. `;
      label = `${box}${number}${option?.label ?? ""}`;
    } else {
      if (row.kind !== "back" && rows[i - 1]?.kind === "option") lines.push(c.dim("  ──────"));
      label =
        row.kind === "back"
          ? LABELS.back
          : row.kind === "skip"
            ? LABELS.skip
            : LABELS.notApplicable;
    }
    const wrapped = wrap(label, width - 2, "   ").map((l, j) => (j === 0 ? pointer : "  ") + l);
    lines.push(...wrapped.map((l) => (active ? c.cyan(l) : row.kind === "option" ? l : c.dim(l))));
  });
  if (showHelp) lines.push(...helpLines(config, config.notApplicable, width));
  const hints: Hint[] = [
    ["↑↓ move", 4],
    ...(config.multiple
      ? ([
          ["space pick", 1],
          ["a all", 3],
          ["enter done", 1],
        ] as const)
      : ([["enter choose", 1]] as const)),
    [showHelp ? "? hide help" : "? help", 1],
    ...(config.back ? ([["b back", 2]] as const) : []),
    ["s skip", 2],
    ...(config.notApplicable ? ([["n n/a", 2]] as const) : []),
    ["ctrl-c stop", 5],
  ];
  lines.push(hintLine(config, hints, width));
  // The list is navigated with keys, so the text cursor is hidden (inquirer shows it again).
  return `${lines.join("\n")}\u001b[?25l`;
});

export interface FieldConfig extends PromptFrame {
  /** Shown dimmed and taken on Enter when nothing is typed (Tab edits it). */
  default?: string | undefined;
  /** Extra key hints, e.g. "< back". */
  hints: readonly string[];
  validate: (raw: string) => string | true;
}

export const field = createPrompt<string, FieldConfig>((config, done) => {
  const [value, setValue] = useState("");
  const [fallback, setFallback] = useState(config.default);
  const [error, setError] = useState<string | undefined>(undefined);
  const [showHelp, setShowHelp] = useState(false);
  const [finished, setFinished] = useState(false);
  useResize(config.onResize);

  useKeypress((key, rl) => {
    if (finished) return;
    if (isEnterKey(key)) {
      const answer = value === "" ? (fallback ?? "") : value;
      const valid = config.validate(answer);
      if (valid === true) {
        setFinished(true);
        done(answer);
      } else {
        rl.write(value);
        setError(valid);
      }
    } else if (typed(key) === "?" && rl.line === "?" && value === "") {
      // "?" on an empty line shows the help; typed after other text it is just a character.
      rl.clearLine(0);
      setShowHelp(!showHelp);
    } else if (isBackspaceKey(key) && !value) {
      setFallback(undefined);
    } else if (isTabKey(key) && !value && fallback) {
      rl.clearLine(0);
      rl.write(fallback);
      setValue(fallback);
      setFallback(undefined);
    } else {
      setValue(rl.line);
      setError(undefined);
    }
  });

  const c = new Chalk({ level: config.color ? 1 : 0 });
  const width = config.width();
  if (finished) return "";
  const above = config.header(width);
  const message = wrap(`? ${config.message}`, width, "  ").map((l) => c.bold(l));
  const last = message.pop() ?? "";
  const shown = value === "" && fallback ? c.dim(`(${fallback}) `) : "";
  const bottom = [
    ...(error ? [c.red(`> ${error}`)] : []),
    ...(showHelp ? helpLines(config, undefined, width) : []),
    hintLine(
      config,
      [
        ["enter confirm", 1],
        ...config.hints.map((h): Hint => [h, 2]),
        ...(fallback ? ([["tab edit", 3]] as const) : []),
        [showHelp ? "? hide help" : "? help", 1],
        ["ctrl-c stop", 5],
      ],
      width,
    ),
  ];
  return [[...above, ...message, `${last} ${shown}${value}`].join("\n"), bottom.join("\n")];
});

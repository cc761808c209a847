import { render } from "@inquirer/testing";
import { checkbox, input, select } from "@inquirer/prompts";
import { describe, expect, it, vi } from "vitest";
import type { Answer } from "../../src/core/kinds/index.js";
import type { Plan } from "../../src/core/plan.js";
import { findQuestion } from "../../src/core/rubric.js";
import { promptSpec, wrap, type PromptSpec } from "../../src/interview/inquirer-prompter.js";
import {
  interviewSteps,
  runInterview,
  type Prompter,
  type QuestionStep,
  type Reply,
} from "../../src/interview/session.js";
import { builtinRubrics } from "../helpers.js";

/** A prompter that answers from a script and fails on any question it was not told to expect. */
function scripted(texts: string[], replies: [string, Reply][]) {
  const asked: string[] = [];
  const prompter: Prompter = {
    say: () => undefined,
    askText: async (message) => {
      const next = texts.shift();
      if (next === undefined) throw new Error(`unexpected text prompt: ${message}`);
      return next;
    },
    ask: async (step: QuestionStep, current: Answer | undefined) => {
      const id = `${step.dimension.id}.${step.question.id}`;
      asked.push(current === undefined ? id : `${id}=${JSON.stringify(current)}`);
      const next = replies.shift();
      if (!next || next[0] !== id)
        throw new Error(`unexpected question ${id}, expected ${next?.[0] ?? "none"}`);
      return next[1];
    },
  };
  return { prompter, asked, remaining: () => replies.length };
}

describe("interview flow", () => {
  it("asks every question of the chosen dimensions in order, saving after each answer", async () => {
    const rubrics = await builtinRubrics();
    const steps = interviewSteps(rubrics, ["presence"]);
    expect(
      steps.map((s) => `${s.position}/${s.dimensionSize} ${s.overall}/${s.total}`).slice(0, 2),
    ).toEqual(["1/7 1/7", "2/7 2/7"]);
    const replies: [string, Reply][] = steps.map((s) => [
      `presence.${s.question.id}`,
      { type: "skip" },
    ]);
    replies[0] = ["presence.named-people", { type: "answer", value: "named-people" }];
    const saves: Plan[] = [];
    const script = scripted(["Acme", ""], replies);
    const plan = await runInterview(script.prompter, {
      rubrics,
      dimensions: ["presence"],
      today: "2026-11-23",
      save: async (p) => void saves.push(p),
    });
    expect(plan.organization).toBe("Acme");
    expect(plan.auditor).toBeUndefined();
    expect(plan.answers.get("presence")?.get("named-people")).toBe("named-people");
    expect(plan.answers.get("presence")?.size).toBe(1);
    expect(saves).toHaveLength(1 + 7);
    expect(script.remaining()).toBe(0);
  });

  it("goes back to change an answer, offering the saved one", async () => {
    const rubrics = await builtinRubrics();
    const ids = interviewSteps(rubrics, ["presence"]).map((s) => `presence.${s.question.id}`);
    const replies: [string, Reply][] = [
      [ids[0]!, { type: "answer", value: "logo-only" }],
      [ids[1]!, { type: "back" }],
      [ids[0]!, { type: "answer", value: "some-named" }],
      ...ids.slice(1).map((id): [string, Reply] => [id, { type: "skip" }]),
    ];
    const script = scripted(["Acme", "Jo"], replies);
    const plan = await runInterview(script.prompter, {
      rubrics,
      dimensions: ["presence"],
      today: "2026-11-23",
      save: async () => undefined,
    });
    expect(script.asked.slice(0, 3)).toEqual([ids[0], ids[1], `${ids[0]}="logo-only"`]);
    expect(plan.answers.get("presence")?.get("named-people")).toBe("some-named");
    expect(plan.auditor).toBe("Jo");
  });

  it("resumes by asking only unanswered questions, keeping the rest", async () => {
    const rubrics = await builtinRubrics();
    const resume: Plan = {
      organization: "Acme",
      date: "2026-01-01",
      answers: new Map([
        [
          "presence",
          new Map<string, Answer>([
            ["named-people", "logo-only"],
            ["genuine-tone", 2],
          ]),
        ],
      ]),
    };
    const open = interviewSteps(rubrics, ["presence"]).slice(2);
    const script = scripted(
      [],
      open.map((s) => [`presence.${s.question.id}`, { type: "skip" }]),
    );
    const plan = await runInterview(script.prompter, {
      rubrics,
      dimensions: ["presence"],
      resume,
      today: "2026-11-23",
      save: async () => undefined,
    });
    expect(script.asked).toEqual(open.map((s) => `presence.${s.question.id}`));
    expect(plan.date).toBe("2026-01-01");
    expect(plan.answers.get("presence")?.get("genuine-tone")).toBe(2);
  });

  it("stops when a prompt is cancelled, after saving what was answered", async () => {
    const rubrics = await builtinRubrics();
    const saves: Plan[] = [];
    const prompter: Prompter = {
      say: () => undefined,
      askText: async () => "Acme",
      ask: async (step) => {
        if (step.overall === 2) throw new Error("cancelled");
        return { type: "answer", value: "logo-only" };
      },
    };
    await expect(
      runInterview(prompter, {
        rubrics,
        dimensions: ["presence"],
        today: "2026-11-23",
        save: async (p) => void saves.push(p),
      }),
    ).rejects.toThrow("cancelled");
    expect(saves.at(-1)?.answers.get("presence")?.get("named-people")).toBe("logo-only");
  });
});

async function question(dimension: string, id: string) {
  const q = findQuestion(await builtinRubrics(), dimension, id);
  if (!q) throw new Error(`no question ${dimension}.${id}`);
  return q;
}

/** Runs a prompt spec in inquirer's test harness, driving it by keystrokes. */
async function drive(
  spec: PromptSpec,
  keys: (events: Awaited<ReturnType<typeof render>>["events"]) => void,
): Promise<{ reply: Reply; screen: string }> {
  if (spec.prompt === "select") {
    const { answer, events, getScreen } = await render(select, spec.config);
    keys(events);
    const screen = getScreen();
    return { reply: spec.toReply(await answer), screen };
  }
  if (spec.prompt === "checkbox") {
    const { answer, events, getScreen } = await render(checkbox, spec.config);
    keys(events);
    const screen = getScreen();
    return { reply: spec.toReply((await answer) as string[]), screen };
  }
  const { answer, events, getScreen } = await render(input, spec.config);
  keys(events);
  const screen = getScreen();
  return { reply: spec.toReply(await answer), screen };
}

describe("interview prompts by kind", () => {
  it("choice: a select of the options plus skip and back", async () => {
    const spec = promptSpec(await question("presence", "named-people"), undefined, true);
    const { reply } = await drive(spec, (e) => {
      e.keypress("down");
      e.keypress("enter");
    });
    expect(reply).toEqual({ type: "answer", value: "anonymous-team" });
    const back = await drive(
      promptSpec(await question("presence", "named-people"), undefined, true),
      (e) => {
        for (let i = 0; i < 5; i++) e.keypress("down");
        e.keypress("enter");
      },
    );
    expect(back.reply).toEqual({ type: "back" });
  });

  it("scale: numbers with their labels", async () => {
    const { reply, screen } = await drive(
      promptSpec(await question("presence", "genuine-tone"), 3, false),
      (e) => e.keypress("enter"),
    );
    expect(screen).toContain("3  Friendly but scripted");
    expect(screen).not.toContain("Back to the previous question");
    expect(reply).toEqual({ type: "answer", value: 3 });
  });

  it("boolean: yes, no, or skip", async () => {
    const { reply } = await drive(
      promptSpec(await question("commitment", "written-plan"), undefined, false),
      (e) => {
        e.keypress("down");
        e.keypress("down");
        e.keypress("enter");
      },
    );
    expect(reply).toEqual({ type: "skip" });
  });

  it("multi: a checkbox whose empty answer is valid", async () => {
    const { reply } = await drive(
      promptSpec(await question("presence", "offline-connected"), undefined, false),
      (e) => {
        e.keypress("space");
        e.keypress("down");
        e.keypress("down");
        e.keypress("space");
        e.keypress("enter");
      },
    );
    expect(reply).toEqual({ type: "answer", value: ["handles-on-print", "staff-mention-online"] });
  });

  it("number: shows the unit and range, and re-asks on bad input", async () => {
    const spec = promptSpec(await question("presence", "response-time"), undefined, true);
    if (spec.prompt !== "input") throw new Error("expected an input prompt");
    const { answer, events, getScreen } = await render(input, spec.config);
    expect(getScreen()).toContain("[hours, 0 to 720;");
    events.type("soon");
    events.keypress("enter");
    await vi.waitFor(() => expect(getScreen()).toContain("Enter a number of hours (0 to 720)"));
    for (let i = 0; i < 4; i++) events.keypress("backspace");
    events.type("999");
    events.keypress("enter");
    await vi.waitFor(() => expect(getScreen()).toContain("Enter a number from 0 to 720 hours"));
    for (let i = 0; i < 3; i++) events.keypress("backspace");
    events.type("4.5");
    events.keypress("enter");
    expect(spec.toReply(await answer)).toEqual({ type: "answer", value: 4.5 });
  });

  it("text: empty skips, < goes back, anything else is the answer", async () => {
    const spec = promptSpec(await question("planning", "planning-notes"), undefined, true);
    expect(spec.prompt).toBe("input");
    if (spec.prompt !== "input") return;
    expect(spec.toReply("")).toEqual({ type: "skip" });
    expect(spec.toReply(" < ")).toEqual({ type: "back" });
    expect(spec.toReply("We post on Fridays \u001b[31m")).toEqual({
      type: "answer",
      value: "We post on Fridays",
    });
  });

  it("text marked multiline opens an editor prompt with the same replies", async () => {
    const q = await question("planning", "planning-notes");
    const spec = promptSpec(
      { ...q, kind: "text", multiline: true } as typeof q,
      "Earlier note",
      true,
    );
    expect(spec.prompt).toBe("editor");
    if (spec.prompt !== "editor") return;
    expect(spec.config.default).toBe("Earlier note");
    expect(spec.config.message).toContain("opens your editor");
    expect(spec.toReply("\n")).toEqual({ type: "skip" });
    expect(spec.toReply("Line one\nLine two\n")).toEqual({
      type: "answer",
      value: "Line one\nLine two",
    });
  });

  it("wraps long lines at word boundaries, keeping indentation", () => {
    expect(wrap("  Existing: one two three four", 16)).toBe("  Existing: one\n  two three four");
  });
});

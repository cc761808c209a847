import { render } from "@inquirer/testing";
import { describe, expect, it, vi } from "vitest";
import type { Answer } from "../../src/core/kinds/index.js";
import { findQuestion, type RubricSet } from "../../src/core/rubric.js";
import { loadRubrics } from "../../src/io/load-rubrics.js";
import { promptSpec, type Frame } from "../../src/interview/inquirer-prompter.js";
import { field, menu } from "../../src/interview/prompts.js";
import {
  EVIDENCE_AGAIN_PROMPT,
  EVIDENCE_PROMPT,
  dimensionSteps,
  runInterview,
} from "../../src/interview/session.js";
import type { Draft, Entry, Prompter, QuestionStep, Reply } from "../../src/interview/types.js";
import { flow, wrapHanging as wrap } from "../../src/text/lines.js";
import { builtinRubrics, fixture } from "../helpers.js";

async function teamRubrics(): Promise<RubricSet> {
  return (await loadRubrics({ paths: [fixture("interview", "rubrics")] })).rubrics;
}

const PROFILE = ["profile.size", "profile.sector", "profile.regulated", "profile.audience"];

/** A prompter that answers from a script and fails on any question it was not told to expect. */
function scripted(texts: string[], replies: [string, Reply][]) {
  const asked: string[] = [];
  const said: string[] = [];
  const backs: boolean[] = [];
  /** Each text prompt's message, and the default it offered after a `=`. */
  const typed: string[] = [];
  const prompter: Prompter = {
    say: (lines) => {
      said.push(...lines);
    },
    askText: (message, options) => {
      typed.push(options.default === undefined ? message : `${message}=${options.default}`);
      const next = texts.shift();
      if (next === undefined) throw new Error(`unexpected text prompt: ${message}`);
      return Promise.resolve(next);
    },
    ask: (step: QuestionStep, current: Entry | undefined, context) => {
      const id = `${step.section.id}.${step.question.id}`;
      asked.push(current === undefined ? id : `${id}=${JSON.stringify(current)}`);
      backs.push(context.canGoBack);
      const next = replies.shift();
      if (next?.[0] !== id)
        throw new Error(`unexpected question ${id}, expected ${next?.[0] ?? "none"}`);
      return Promise.resolve(next[1]);
    },
  };
  return { prompter, asked, said, backs, typed, remaining: () => replies.length };
}

const skip: Reply = { type: "skip" };
const back: Reply = { type: "back" };
const answer = (value: Answer): Reply => ({
  type: "answer",
  value,
});
const ids = (rubrics: RubricSet, dimension: string) =>
  dimensionSteps(rubrics, [dimension]).map((s) => `${dimension}.${s.question.id}`);

describe("interview flow", () => {
  it("asks the profile first, then every question of the chosen dimension, saving each answer", async () => {
    const rubrics = await builtinRubrics();
    const presence = ids(rubrics, "presence");
    const replies: [string, Reply][] = [
      ["profile.size", answer("micro")],
      ["profile.sector", answer("bike shop")],
      ["profile.regulated", answer(false)],
      ["profile.audience", skip],
      [presence[0]!, answer("named-people")],
      ...presence.slice(1).map((id): [string, Reply] => [id, skip]),
    ];
    const saves: Draft[] = [];
    const script = scripted(["Acme", ""], replies);
    const draft = await runInterview(script.prompter, {
      rubrics,
      dimensions: ["presence"],
      today: "2026-11-23",
      save: (d) => {
        saves.push(d);
        return Promise.resolve();
      },
    });
    expect(draft.organization).toBe("Acme");
    expect(draft.auditor).toBeUndefined();
    expect(draft.profile).toEqual({ size: "micro", sector: "bike shop", regulated: false });
    expect(draft.entries.get("presence")?.get("named-people")).toEqual(answer("named-people"));
    expect(draft.entries.get("presence")?.get("genuine-tone")).toEqual({ type: "skipped" });
    // One save for the names, one per profile question, one per presence question.
    expect(presence).toHaveLength(10);
    expect(saves).toHaveLength(1 + 4 + 10);
    expect(script.remaining()).toBe(0);
    expect(script.backs[0]).toBe(false);
    expect(script.backs.slice(1).every(Boolean)).toBe(true);
  });

  it("saves the organisation's name as soon as it is given, and the auditor's when there is one", async () => {
    const rubrics = await builtinRubrics();
    const saves: Draft[] = [];
    const save = (d: Draft) => {
      saves.push(d);
      return Promise.resolve();
    };
    // Interrupted at the auditor prompt: the name is already saved.
    const stopped: Prompter = {
      say: () => undefined,
      askText: (message) =>
        message.startsWith("Organisation")
          ? Promise.resolve("Acme")
          : Promise.reject(new Error("interrupted")),
      ask: () => Promise.reject(new Error("no question expected")),
    };
    await expect(
      runInterview(stopped, { rubrics, dimensions: ["presence"], today: "2026-11-23", save }),
    ).rejects.toThrow("interrupted");
    expect(saves.map((d) => [d.organization, d.auditor])).toEqual([["Acme", undefined]]);

    // With an auditor, a second save adds the name.
    saves.length = 0;
    const named = scripted(["Acme", "Dana"], [["profile.size", answer("micro")]]);
    await runInterview(named.prompter, {
      rubrics,
      dimensions: ["presence"],
      today: "2026-11-23",
      save,
    }).catch(() => undefined);
    expect(saves.slice(0, 2).map((d) => [d.organization, d.auditor])).toEqual([
      ["Acme", undefined],
      ["Acme", "Dana"],
    ]);
  });

  it("never asks a question the profile rules out, going forward or back", async () => {
    const rubrics = await builtinRubrics();
    const commitment = ids(rubrics, "commitment");
    // A micro organisation is not asked about leadership or departments (small and up).
    const ruledOut = ["commitment.leadership-expectation", "commitment.departments-involved"];
    const asked = commitment.filter((id) => !ruledOut.includes(id));
    expect(asked).toHaveLength(commitment.length - 2);
    const last = asked.at(-1)!;
    const replies: [string, Reply][] = [
      ["profile.size", answer("micro")],
      ["profile.sector", skip],
      ["profile.regulated", skip],
      ["profile.audience", skip],
      ...asked.map((id): [string, Reply] => [id, skip]),
    ];
    // Back from the last question lands on the one before it that applies.
    replies.splice(replies.length - 1, 0, [last, back], [asked.at(-2)!, skip]);
    const script = scripted(["Acme", ""], replies);
    await runInterview(script.prompter, {
      rubrics,
      dimensions: ["commitment"],
      today: "2026-11-23",
      save: () => Promise.resolve(),
    });
    expect(script.remaining()).toBe(0);
    for (const id of ruledOut) expect(script.asked.some((a) => a.startsWith(id))).toBe(false);
  });

  it("goes back from a dimension's first question to the previous dimension, and from there to the profile", async () => {
    const rubrics = await builtinRubrics();
    const presence = ids(rubrics, "presence");
    const commitment = ids(rubrics, "commitment");
    const replies: [string, Reply][] = [
      ...PROFILE.map((id): [string, Reply] => [id, skip]),
      [presence[0]!, back],
      ["profile.audience", answer("b2b")],
      [presence[0]!, answer("logo-only")],
      ...presence.slice(1).map((id): [string, Reply] => [id, skip]),
      [commitment[0]!, back],
      [presence.at(-1)!, answer(["handles-on-print"])],
      [commitment[0]!, answer(true)],
      ...commitment.slice(1).map((id): [string, Reply] => [id, skip]),
    ];
    // Yes to a written plan is a claim to back up: an evidence line follows, left empty.
    const script = scripted(["Acme", "Jo", ""], replies);
    const draft = await runInterview(script.prompter, {
      rubrics,
      dimensions: ["presence", "commitment"],
      today: "2026-11-23",
      save: () => Promise.resolve(),
    });
    expect(script.remaining()).toBe(0);
    // Going back offers the saved answer (or the skip) as current.
    expect(script.asked).toContain(`${presence.at(-1)!}={"type":"skipped"}`);
    expect(draft.profile).toEqual({ audience: "b2b" });
    expect(draft.entries.get("presence")?.get("offline-connected")).toEqual(
      answer(["handles-on-print"]),
    );
    expect(draft.auditor).toBe("Jo");
    expect(script.typed.slice(2)).toEqual([EVIDENCE_PROMPT]);
    expect(draft.entries.get("commitment")?.get("written-plan")).toEqual(answer(true));
  });

  it("resumes with an orientation line, never re-asking skipped questions unless revisiting", async () => {
    const rubrics = await builtinRubrics();
    const presence = ids(rubrics, "presence");
    const resume: Draft = {
      organization: "Acme",
      date: "2026-01-01",
      profile: { size: "small" },
      entries: new Map([
        [
          "presence",
          new Map<string, Entry>([
            ["named-people", { type: "answer", value: "logo-only" }],
            ["steady-rhythm", { type: "answer", value: "irregular" }],
            ["genuine-tone", { type: "skipped" }],
          ]),
        ],
      ]),
    };
    const open = presence.slice(3);
    const script = scripted(
      [],
      open.map((id) => [id, skip]),
    );
    const draft = await runInterview(script.prompter, {
      rubrics,
      dimensions: ["presence"],
      resume,
      today: "2026-11-23",
      save: () => Promise.resolve(),
    });
    expect(script.said[0]).toBe(
      "Acme, 2 of 10 answered, 1 skipped; Presence next (question 4 of 10).",
    );
    expect(script.asked).toEqual(open);
    expect(draft.date).toBe("2026-01-01");

    const again = scripted([], [["presence.genuine-tone", answer(4)]]);
    const revisited = await runInterview(again.prompter, {
      rubrics,
      dimensions: ["presence"],
      resume: draft,
      revisit: false,
      today: "2026-11-23",
      save: () => Promise.resolve(),
    }).catch((e: unknown) => e);
    // Without --revisit nothing is left to ask, and the line says how to ask the skipped ones.
    expect(revisited).not.toBeInstanceOf(Error);
    expect(again.said[0]).toContain("nothing left to ask (--revisit asks the skipped ones again)");

    const withRevisit = scripted(
      [],
      [["presence.genuine-tone", answer(4)], ...open.map((id): [string, Reply] => [id, skip])],
    );
    const done = await runInterview(withRevisit.prompter, {
      rubrics,
      dimensions: ["presence"],
      resume: draft,
      revisit: true,
      today: "2026-11-23",
      save: () => Promise.resolve(),
    });
    expect(withRevisit.remaining()).toBe(0);
    expect(done.entries.get("presence")?.get("genuine-tone")).toEqual(answer(4));
  });

  it("on resuming a plan without a profile, says the profile comes first and where the questions go on", async () => {
    const rubrics = await builtinRubrics();
    const resume: Draft = {
      organization: "Acme",
      entries: new Map([
        ["presence", new Map<string, Entry>([["named-people", { type: "skipped" }]])],
      ]),
    };
    const script = scripted(
      [],
      [
        ["profile.size", answer("solo")],
        ...PROFILE.slice(1).map((id): [string, Reply] => [id, skip]),
        ...ids(rubrics, "presence")
          .slice(1)
          .map((id): [string, Reply] => [id, skip]),
      ],
    );
    const draft = await runInterview(script.prompter, {
      rubrics,
      dimensions: ["presence"],
      resume,
      today: "2026-11-23",
      save: () => Promise.resolve(),
    });
    expect(script.said[0]).toBe(
      "Acme, 0 of 10 answered, 1 skipped; four questions about the organisation, then Presence next (question 2 of 10).",
    );
    expect(script.remaining()).toBe(0);
    expect(draft.profile).toEqual({ size: "solo" });
  });

  it("records not-applicable only where the rubric allows it", async () => {
    const rubrics = await teamRubrics();
    const teams = ids(rubrics, "teams");
    const steps = dimensionSteps(rubrics, ["teams"]);
    expect(steps.map((s) => s.notApplicable !== undefined)).toEqual([true, false, false]);
    const script = scripted(
      ["Acme", ""],
      [
        ...PROFILE.map((id): [string, Reply] => [id, skip]),
        [teams[0]!, { type: "not-applicable" }],
        [teams[1]!, answer(3)],
        [teams[2]!, { type: "not-applicable" }],
      ],
    );
    await expect(
      runInterview(script.prompter, {
        rubrics,
        dimensions: ["teams"],
        today: "2026-11-23",
        save: () => Promise.resolve(),
      }),
    ).rejects.toThrow('"shared-access" does not allow n/a');
  });

  it("after a claim the rubric wants backed up, asks for evidence, saved with today's date and the respondent", async () => {
    const rubrics = await builtinRubrics();
    const commitment = ids(rubrics, "commitment");
    expect(commitment.slice(0, 1)).toEqual(["commitment.written-plan"]);
    const replies: [string, Reply][] = [
      ...PROFILE.map((id): [string, Reply] => [id, skip]),
      ["commitment.written-plan", answer(true)],
      ...commitment
        .slice(1)
        .map((id): [string, Reply] =>
          id === "commitment.account-access"
            ? [id, answer("handover-ready")]
            : id === "commitment.training"
              ? [id, answer("none")]
              : [id, skip],
        ),
    ];
    // Two claims: one backed, one left plain; every other answer asks nothing more.
    const script = scripted(["Acme", "", " https://intranet.example/plan.pdf ", ""], replies);
    const saves: Draft[] = [];
    const draft = await runInterview(script.prompter, {
      rubrics,
      dimensions: ["commitment"],
      respondent: { name: "Ana Silva", role: "Owner" },
      today: "2026-11-23",
      save: (d) => {
        saves.push(d);
        return Promise.resolve();
      },
    });
    expect(script.remaining()).toBe(0);
    expect(script.typed.slice(2)).toEqual([EVIDENCE_PROMPT, EVIDENCE_PROMPT]);
    expect(draft.respondent).toEqual({ name: "Ana Silva", role: "Owner" });
    expect(saves[0]?.respondent).toEqual({ name: "Ana Silva", role: "Owner" });
    const given = draft.entries.get("commitment");
    expect(given?.get("written-plan")).toEqual({
      type: "answer",
      value: true,
      meta: { evidence: "https://intranet.example/plan.pdf", asOf: "2026-11-23", by: "Ana Silva" },
    });
    expect(given?.get("account-access")).toEqual(answer("handover-ready"));
  });

  it("offers saved evidence again when a claim is revisited, keeps it unchanged, and drops it with the answer", async () => {
    const rubrics = await builtinRubrics();
    const commitment = ids(rubrics, "commitment");
    const meta = { evidence: "Shared drive: Social/plan.pdf", asOf: "2026-01-05", by: "Bo" };
    const resume: Draft = {
      organization: "Acme",
      profile: { size: "small" },
      entries: new Map([
        [
          "commitment",
          new Map<string, Entry>([["written-plan", { type: "answer", value: true, meta }]]),
        ],
      ]),
    };
    const second = commitment[1]!;
    const replies: [string, Reply][] = [
      [second, back],
      // The same answer: the saved evidence is offered, and taken as it is.
      ["commitment.written-plan", answer(true)],
      [second, back],
      // A different answer: what backed the old one goes with it, and nothing is asked.
      ["commitment.written-plan", answer(false)],
      [second, back],
      ["commitment.written-plan", answer(true)],
      ...commitment.slice(1).map((id): [string, Reply] => [id, skip]),
    ];
    const script = scripted(
      ["Shared drive: Social/plan.pdf", "Minutes of the May review"],
      replies,
    );
    const states: (Entry | undefined)[] = [];
    const draft = await runInterview(script.prompter, {
      rubrics,
      dimensions: ["commitment"],
      resume,
      respondent: { name: "Cy" },
      today: "2026-11-23",
      save: (d) => {
        states.push(d.entries.get("commitment")?.get("written-plan"));
        return Promise.resolve();
      },
    });
    expect(script.remaining()).toBe(0);
    expect(script.typed).toEqual([`${EVIDENCE_AGAIN_PROMPT}=${meta.evidence}`, EVIDENCE_PROMPT]);
    expect(states.slice(0, 3)).toEqual([
      { type: "answer", value: true, meta },
      answer(false),
      {
        type: "answer",
        value: true,
        meta: { evidence: "Minutes of the May review", asOf: "2026-11-23", by: "Cy" },
      },
    ]);
    expect(draft.respondent).toEqual({ name: "Cy" });
  });

  it("removes saved evidence when the evidence line is emptied, leaving the answer plain", async () => {
    const rubrics = await builtinRubrics();
    const commitment = ids(rubrics, "commitment");
    const resume: Draft = {
      organization: "Acme",
      profile: { size: "small" },
      entries: new Map([
        [
          "commitment",
          new Map<string, Entry>([
            [
              "written-plan",
              { type: "answer", value: true, meta: { evidence: "old.pdf", asOf: "2026-01-05" } },
            ],
          ]),
        ],
      ]),
    };
    const script = scripted(
      [""],
      [
        [commitment[1]!, back],
        ["commitment.written-plan", answer(true)],
        ...commitment.slice(1).map((id): [string, Reply] => [id, skip]),
      ],
    );
    const draft = await runInterview(script.prompter, {
      rubrics,
      dimensions: ["commitment"],
      resume,
      today: "2026-11-23",
      save: () => Promise.resolve(),
    });
    expect(script.typed).toEqual([`${EVIDENCE_AGAIN_PROMPT}=old.pdf`]);
    expect(draft.entries.get("commitment")?.get("written-plan")).toEqual(answer(true));
  });

  it("keeps the evidence of a not-applicable answer, and of answers the rubric does not mark", async () => {
    const rubrics = await teamRubrics();
    const teams = ids(rubrics, "teams");
    const meta = { evidence: "Org chart, 2026", asOf: "2026-02-01" };
    const resume: Draft = {
      organization: "Acme",
      profile: { size: "small" },
      entries: new Map([
        [
          "teams",
          new Map<string, Entry>([
            ["departments-involved", { type: "not-applicable", meta }],
            ["weekly-hours", { type: "answer", value: 4, meta }],
          ]),
        ],
      ]),
    };
    const script = scripted(
      [],
      [
        [teams[2]!, back],
        [teams[1]!, back],
        [teams[0]!, { type: "not-applicable" }],
        [teams[1]!, answer(4)],
        [teams[2]!, answer("two")],
      ],
    );
    const draft = await runInterview(script.prompter, {
      rubrics,
      dimensions: ["teams"],
      resume,
      today: "2026-11-23",
      save: () => Promise.resolve(),
    });
    expect(script.remaining()).toBe(0);
    expect(script.typed).toEqual([]);
    expect(draft.entries.get("teams")?.get("departments-involved")).toEqual({
      type: "not-applicable",
      meta,
    });
    expect(draft.entries.get("teams")?.get("weekly-hours")).toEqual({
      type: "answer",
      value: 4,
      meta,
    });
  });

  it("stops when a prompt is cancelled, after saving what was answered", async () => {
    const rubrics = await builtinRubrics();
    const saves: Draft[] = [];
    let asked = 0;
    const prompter: Prompter = {
      say: () => undefined,
      askText: () => Promise.resolve("Acme"),
      ask: (step) => {
        if (++asked === 6) return Promise.reject(new Error("cancelled"));
        return Promise.resolve(step.section.id === "profile" ? skip : answer("logo-only"));
      },
    };
    await expect(
      runInterview(prompter, {
        rubrics,
        dimensions: ["presence"],
        today: "2026-11-23",
        save: (d) => {
          saves.push(d);
          return Promise.resolve();
        },
      }),
    ).rejects.toThrow("cancelled");
    expect(saves.at(-1)?.entries.get("presence")?.get("named-people")).toEqual(answer("logo-only"));
  });
});

async function stepFor(dimension: string, id: string, rubrics?: RubricSet): Promise<QuestionStep> {
  const set = rubrics ?? (await builtinRubrics());
  const step = dimensionSteps(set, [dimension]).find((s) => s.question.id === id);
  if (!step || !findQuestion(set, dimension, id)) throw new Error(`no question ${dimension}.${id}`);
  return step;
}

const frame = (width = 80): Frame => ({
  header: () => ["Presence · question 1 of 7"],
  width: () => width,
  color: false,
});

describe("interview prompts", () => {
  it("choice: Back is the first entry, the cursor starts on the first option, and a key hint sits under the list", async () => {
    const spec = promptSpec(await stepFor("presence", "named-people"), undefined, true, frame());
    if (spec.prompt !== "menu") throw new Error("expected a menu");
    const { answer: result, events, getScreen } = await render(menu, spec.config);
    const lines = getScreen().split("\n");
    expect(lines[0]).toBe("Presence · question 1 of 7");
    expect(lines[2]).toContain("← Back to the previous question");
    expect(lines[3]).toMatch(/^❯ 1\. /);
    expect(lines.at(-1)).toBe("↑↓ move · enter choose · ? help · b back · s skip · ctrl-c stop");
    expect(getScreen()).not.toContain("Not applicable to us");
    events.keypress("down");
    events.keypress("enter");
    expect(spec.toReply(await result)).toEqual(answer("anonymous-team"));
  });

  it("choice: b goes back, s skips, and the Back entry is reached by moving up", async () => {
    const step = await stepFor("presence", "named-people");
    for (const [keys, expected] of [
      [["b"], back],
      [["s"], skip],
      [["up", "enter"], back],
    ] as const) {
      const spec = promptSpec(step, undefined, true, frame());
      if (spec.prompt !== "menu") throw new Error("expected a menu");
      const { answer: result, events } = await render(menu, spec.config);
      for (const key of keys) events.keypress(key);
      expect(spec.toReply(await result)).toEqual(expected);
    }
  });

  it("? shows the question's help and hides it again", async () => {
    const spec = promptSpec(await stepFor("presence", "named-people"), undefined, false, frame());
    if (spec.prompt !== "menu") throw new Error("expected a menu");
    const { answer: result, events, getScreen } = await render(menu, spec.config);
    expect(getScreen()).not.toContain("People would rather talk");
    // One key press each: `type` would also feed readline, which reports the key a second time.
    events.keypress("?");
    expect(getScreen()).toContain("People would rather talk");
    expect(getScreen()).toContain("? hide help");
    events.keypress("?");
    expect(getScreen()).not.toContain("People would rather talk");
    // Help leaves the cursor where it was; answering also ends the prompt, which left open
    // would be cancelled when the worker exits and surface as an unhandled rejection.
    events.keypress("enter");
    expect(spec.toReply(await result)).toEqual(answer("logo-only"));
  });

  it("multi: a selects every real option (never skip or back), a again selects none", async () => {
    const spec = promptSpec(
      await stepFor("presence", "offline-connected"),
      undefined,
      true,
      frame(),
    );
    if (spec.prompt !== "menu") throw new Error("expected a menu");
    const { answer: result, events, getScreen } = await render(menu, spec.config);
    events.keypress("a");
    const screen = getScreen();
    const step = await stepFor("presence", "offline-connected");
    expect(screen.match(/◉/g)).toHaveLength(
      step.question.kind === "multi" ? step.question.options.length : -1,
    );
    expect(screen).toMatch(/ {2}← Back/);
    events.keypress("a");
    expect(getScreen()).not.toContain("◉");
    events.keypress("space");
    events.keypress("down");
    events.keypress("down");
    events.keypress("space");
    events.keypress("enter");
    expect(spec.toReply(await result)).toEqual(
      answer(["handles-on-print", "staff-mention-online"]),
    );
  });

  it("offers Not applicable to us only where the rubric has notApplicable, and n picks it", async () => {
    const rubrics = await teamRubrics();
    const spec = promptSpec(
      await stepFor("teams", "departments-involved", rubrics),
      undefined,
      true,
      frame(),
    );
    if (spec.prompt !== "menu") throw new Error("expected a menu");
    const { answer: result, events, getScreen } = await render(menu, spec.config);
    expect(getScreen()).toContain("Not applicable to us");
    expect(getScreen()).toContain("n n/a");
    events.keypress("?");
    expect(getScreen()).toContain("Only organisations with more than one team");
    events.keypress("n");
    expect(spec.toReply(await result)).toEqual({ type: "not-applicable" });

    const other = promptSpec(
      await stepFor("teams", "shared-access", rubrics),
      undefined,
      true,
      frame(),
    );
    if (other.prompt !== "menu") throw new Error("expected a menu");
    const plain = await render(menu, other.config);
    expect(plain.getScreen()).not.toContain("Not applicable");
    plain.events.keypress("n");
    plain.events.keypress("enter");
    expect(other.toReply(await plain.answer)).toEqual(answer("one"));
  });

  it("number: unit and range, re-asks on bad input, ? for help, n/a where allowed", async () => {
    const spec = promptSpec(await stepFor("presence", "response-time"), undefined, true, frame());
    if (spec.prompt !== "field") throw new Error("expected a field");
    const { answer: result, events, getScreen } = await render(field, spec.config);
    expect(getScreen()).toContain("[hours, 0 to 720]");
    expect(getScreen()).toContain("enter confirm · empty skips · < back · ? help");
    events.type("?");
    expect(getScreen()).toContain(spec.config.help.slice(0, 30));
    events.type("soon");
    events.keypress("enter");
    await vi.waitFor(() => {
      expect(getScreen()).toContain("Enter a number of hours (0 to 720)");
    });
    for (let i = 0; i < 4; i++) events.keypress("backspace");
    events.type("999");
    events.keypress("enter");
    await vi.waitFor(() => {
      expect(getScreen()).toContain("Enter a number from 0 to 720 hours");
    });
    for (let i = 0; i < 3; i++) events.keypress("backspace");
    events.type("4,5");
    events.keypress("enter");
    expect(spec.toReply(await result)).toEqual(answer(4.5));
    expect(spec.toReply("<")).toEqual(back);
    expect(spec.toReply("")).toEqual(skip);
    expect(spec.config.validate("n/a")).not.toBe(true);

    const hours = promptSpec(
      await stepFor("teams", "weekly-hours", await teamRubrics()),
      undefined,
      false,
      frame(),
    );
    if (hours.prompt !== "field") throw new Error("expected a field");
    expect(hours.toReply("<")).not.toEqual(back);
  });

  it("text: empty skips, < goes back, control characters are dropped", async () => {
    const spec = promptSpec(await stepFor("planning", "planning-notes"), undefined, true, frame());
    expect(spec.prompt).toBe("field");
    if (spec.prompt !== "field") return;
    expect(spec.toReply("")).toEqual(skip);
    expect(spec.toReply(" < ")).toEqual(back);
    expect(spec.toReply("We post on Fridays \u001b[31m")).toEqual(answer("We post on Fridays"));
  });

  it("text marked multiline opens an editor prompt with the same replies", async () => {
    const step = await stepFor("planning", "planning-notes");
    const spec = promptSpec(
      {
        ...step,
        question: { ...step.question, kind: "text", multiline: true },
      },
      { type: "answer", value: "Earlier note" },
      true,
      frame(),
    );
    expect(spec.prompt).toBe("editor");
    if (spec.prompt !== "editor") return;
    expect(spec.config.default).toBe("Earlier note");
    expect(spec.toReply("\n")).toEqual(skip);
    expect(spec.toReply("Line one\nLine two\n")).toEqual(answer("Line one\nLine two"));
  });

  it("lays out every line within a narrow terminal", async () => {
    const spec = promptSpec(await stepFor("presence", "offline-connected"), undefined, true, {
      ...frame(40),
      header: () => flow(["Planning 8/8", "▸ Presence 3/7", "Commitment 0/8"], " · ", 40),
    });
    if (spec.prompt !== "menu") throw new Error("expected a menu");
    const { answer: result, events, getScreen } = await render(menu, spec.config);
    events.keypress("?");
    for (const line of getScreen().split("\n"))
      expect(Array.from(line).length).toBeLessThanOrEqual(40);
    events.keypress("enter");
    expect(spec.toReply(await result)).toEqual(answer([]));
  });
});

describe("wrapping", () => {
  it("wraps at word boundaries, keeping a line's indent on its continuation lines", () => {
    expect(wrap("  Existing: one two three four", 16)).toEqual([
      "  Existing: one",
      "  two three four",
    ]);
    expect(wrap("1. a long label here", 12, "   ")).toEqual(["1. a long", "   label", "   here"]);
    expect(wrap("abcdefghijklmnop", 10)).toEqual(["abcdefghij", "klmnop"]);
  });

  it("flows items over lines without splitting one", () => {
    expect(flow(["Planning 8/8", "Presence 3/7", "Commitment 0/8"], " · ", 30)).toEqual([
      "Planning 8/8 · Presence 3/7",
      "Commitment 0/8",
    ]);
  });
});

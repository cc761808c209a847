/**
 * Seeded generators of plan-shaped YAML for the fast reader's differential tests: hostile
 * documents (every trick a hand-edited or crafted plan can play) and realistic ones (what
 * people, `init` and `yaml.stringify` write). Seeded rather than fast-check: 100,000 documents
 * must run in seconds, and a failure names its seed and document so it can be replayed.
 */
import { stringify } from "yaml";
import type { RubricSet } from "../../src/core/rubric.js";

export type Random = () => number;

/** mulberry32: small, fast and good enough to spread documents over the generator's choices. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const chance = (random: Random, p: number) => random() < p;

/**
 * Every Unicode space class, and the characters next to them that readers confuse with
 * spaces: YAML's white space is only the space and the tab; everything else here is content
 * (or, for line separators, a break that `yaml` alone handles).
 */
export const UNICODE_SPACES = [
  "\u0009", // tab
  "\u0020", // space
  "\u0085", // next line (C1)
  "\u00a0", // no-break space
  "\u1680", // ogham space mark
  "\u180e", // mongolian vowel separator (no longer a space, once one)
  "\u2000",
  "\u2001",
  "\u2002",
  "\u2003",
  "\u2004",
  "\u2005",
  "\u2006",
  "\u2007",
  "\u2008",
  "\u2009",
  "\u200a", // en quad .. hair space
  "\u200b", // zero-width space
  "\u2028", // line separator
  "\u2029", // paragraph separator
  "\u202f", // narrow no-break space
  "\u205f", // medium mathematical space
  "\u3000", // ideographic space
  "\ufeff", // byte-order mark / zero-width no-break space
] as const;

/** Texts that YAML's core schema reads as something other than the string they look like. */
const SPELLINGS = [
  "1",
  "-1",
  "+1",
  "0",
  "-0",
  "007",
  "0o17",
  "0o8",
  "0x1F",
  "0xg",
  "0b101",
  "1_000",
  "1e3",
  "1E3",
  "1e+3",
  ".5",
  "5.",
  "+.5",
  "-.5e-2",
  "1.2.3",
  ".inf",
  "-.Inf",
  "+.INF",
  ".nan",
  ".NaN",
  "nan",
  "inf",
  "true",
  "True",
  "TRUE",
  "tRue",
  "false",
  "yes",
  "No",
  "on",
  "off",
  "y",
  "~",
  "null",
  "Null",
  "NULL",
  "nUll",
  "2026-01-01",
  "2026-01-01T10:00:00Z",
  "12:30",
  "1:2",
];

const WORDS = [
  "alpha",
  "two words",
  "it's",
  'say "hi"',
  "a#b",
  "a #b",
  "x: y",
  "x:y",
  "x:",
  "- z",
  "-z",
  "? q",
  ": c",
  "#x",
  "[x]",
  "{y: 1}",
  "&a",
  "*b",
  "!t",
  "!!str 5",
  "@",
  "%",
  "`",
  "|",
  ">",
  "é ü",
  "🙂 ok",
  "Ünïcödé",
  "日本語",
  "back\\slash",
  "a'b",
  "'",
  '"',
  "---",
  "...",
  "a,b",
  "a]b",
];

/** How likely each line is to carry a trick; set per document, so some are nearly clean. */
let tricks = 1;

const SAFE_WORDS = ["alpha", "two words", "it's", "é ü", "🙂 ok", "a#b", "x:y", "Ünïcödé", "a,b"];

function scalarText(random: Random): string {
  if (!chance(random, tricks)) return pick(random, chance(random, 0.3) ? SPELLINGS : SAFE_WORDS);
  const base = chance(random, 0.35) ? pick(random, SPELLINGS) : pick(random, WORDS);
  if (!chance(random, 0.25)) return base;
  const space = pick(random, UNICODE_SPACES);
  switch (Math.floor(random() * 4)) {
    case 0:
      return base + space;
    case 1:
      return space + base;
    case 2:
      return base.replace(/ /, space);
    default:
      return space;
  }
}

/** A value as it follows `key:` on the same line (with its leading separator), or below it. */
function value(random: Random, indent: string, step: string): string {
  const text = scalarText(random);
  const roll = chance(random, tricks) ? random() : random() * 0.5;
  if (roll < 0.3) return ` ${text}`;
  if (roll < 0.4) return ` '${text.replace(/'/g, "''")}'`;
  if (roll < 0.5) {
    // JSON's escapes, and now and then YAML's own (\e, \x41, \N, \_, \L, \P, \ followed by space).
    const json = JSON.stringify(text);
    return ` ${chance(random, 0.2) ? json.slice(0, -1) + pick(random, ["\\e", "\\x41", "\\N", "\\_", "\\L", "\\P", "\\ ", "\\t", "\\/", "\\u00e9", "\\U0001F600"]) + '"' : json}`;
  }
  if (roll < 0.55) return "";
  if (roll < 0.6) return `${pick(random, ["  ", " ", "\t"])}${text}`;
  if (roll < 0.7) {
    const header = pick(random, ["|", "|-", "|+", ">", ">-", ">+", "|2", ">1-", "|+ # c", "| x"]);
    const inner = indent + step;
    const lines = [text, ...(chance(random, 0.5) ? [""] : []), pick(random, WORDS)];
    if (chance(random, 0.2)) lines.push(` ${pick(random, WORDS)}`); // more indented
    if (chance(random, 0.2)) lines.push(pick(random, UNICODE_SPACES));
    return ` ${header}\n${lines.map((l) => (l === "" ? (chance(random, 0.5) ? "" : inner) : inner + l)).join("\n")}`;
  }
  if (roll < 0.8) {
    // A plain scalar that goes on over more lines, as yaml.stringify folds long text.
    const more = indent + pick(random, [step, " ", step + " ", ""]);
    const lines = [pick(random, WORDS)];
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      if (chance(random, 0.15)) lines.push(pick(random, ["", indent + step + "# c", "  "]));
      lines.push(more + scalarText(random));
    }
    return ` ${text.replace(/^[ ]+/, "")}${lines.length > 0 ? "\n" + lines.slice(1).join("\n") : ""}`;
  }
  if (roll < 0.88) {
    const items = Array.from({ length: Math.floor(random() * 3) }, () =>
      pick(random, [
        scalarText(random),
        `'${scalarText(random)}'`,
        JSON.stringify(scalarText(random)),
      ]),
    );
    return ` [${items.join(pick(random, [", ", ",", " , "]))}]${pick(random, ["", " # c", "#c"])}`;
  }
  if (roll < 0.95) {
    // A block list: compact (dashes at the key's indentation) or indented, sometimes odd.
    const at = pick(random, [indent, indent + step, indent + " "]);
    const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const dash = pick(random, ["- ", "- ", "-", "-  ", "- - "]);
      const item = `${at}${dash}${pick(random, [scalarText(random), `'${scalarText(random)}'`])}`;
      return chance(random, 0.15) ? `${item}\n${at}  ${pick(random, WORDS)}` : item;
    });
    return `\n${items.join("\n")}`;
  }
  return pick(random, [
    " &anchor alpha",
    " *anchor",
    " !!str 5",
    " !!int '7'",
    " !custom x",
    " {a: 1}",
    " {}",
    ` {}\n${indent}${step}more`,
    " {} # empty",
    " [a, [b]]",
    " ? x",
    ` "multi\n${indent}${step}line"`,
    ` 'multi\n${indent}${step}line'`,
  ]);
}

const KEYS = [
  "audience-first",
  "training",
  "listening",
  "named-people",
  "response-time",
  "constructor",
  "toString",
  "__proto__",
  '"quoted key"',
  "'single key'",
  '"esc\\"aped"',
  "true",
  "1",
  "~",
  "null",
  "key with spaces",
  "key\u00a0nbsp",
  '"nbsp\u00a0"',
  "'ideo\u3000'",
  "[a, b]",
  "{a: 1}",
  "? complex",
  "&k anchored",
  "*k",
  "a:b",
  "-dash",
];

/** One hostile, plan-shaped document: mostly well-formed, each line with a chance of a trick. */
export function hostileDocument(random: Random): string {
  tricks = pick(random, [0, 0.02, 0.05, 0.1, 0.3, 1]);
  const step = pick(random, ["  ", "  ", "    ", " ", "   "]);
  const lines: string[] = [];
  const header = pick(
    random,
    chance(random, tricks)
      ? ["", "", "", "---", "--- # c", "---\n---", "%YAML 1.2\n---", "# plan", "...", "--- x"]
      : ["", "---", "# plan"],
  );
  if (header) lines.push(header);
  const keyLine = (indent: string, key: string, rest: string) => {
    const colon = chance(random, tricks) ? pick(random, [":", " :", ":\u00a0", ": \u3000"]) : ":";
    lines.push(
      `${indent}${key}${colon}${rest}${chance(random, 0.1 * tricks) ? pick(random, [" # note", "# x", "  ", pick(random, UNICODE_SPACES)]) : ""}`,
    );
  };
  keyLine("", "organization", value(random, "", step));
  if (chance(random, 0.3))
    keyLine(
      "",
      pick(random, ["notes", "date", "auditor", "organization"]),
      value(random, "", step),
    );
  lines.push(`answers:${pick(random, ["", "", "", " # all", " {}", " ~"])}`);
  const dimensions = Math.floor(random() * 3);
  for (let d = 0; d < dimensions; d++) {
    const dimIndent = chance(random, 0.05 * tricks) ? step + " " : step;
    lines.push(
      `${dimIndent}${pick(random, ["planning", "presence", "commitment", "relationships", "planning"])}:`,
    );
    const entries = Math.floor(random() * 5);
    const used: string[] = [];
    for (let e = 0; e < entries; e++) {
      if (chance(random, 0.1))
        lines.push(
          chance(random, tricks)
            ? pick(random, ["", "  ", `${step}# c`, "#", `${dimIndent}${step}# note`])
            : "",
        );
      const key =
        used.length > 0 && chance(random, 0.05 * tricks)
          ? pick(random, used)
          : chance(random, 1 - 0.2 * tricks)
            ? pick(random, KEYS.slice(0, 7))
            : pick(random, KEYS);
      used.push(key);
      const entryIndent =
        dimIndent + (chance(random, 0.04 * tricks) ? pick(random, [" ", step + " ", ""]) : step);
      keyLine(entryIndent, key, value(random, entryIndent, step));
    }
  }
  let text = lines.join("\n");
  if (chance(random, 0.9)) text += "\n";
  if (chance(random, 0.05 * tricks)) text = "\ufeff" + text;
  if (chance(random, 0.05 * tricks))
    text = text.replace("\n", pick(random, ["\r", "\u2028", "\u0085"]));
  if (chance(random, 0.15)) text = text.replace(/\n/g, "\r\n");
  if (chance(random, 0.05 * tricks)) text = text.replace(/ {2}/, "\t");
  return text;
}

/** Short prose, sometimes long enough for `yaml.stringify` to fold it over several lines. */
const PROSE = (
  "we answer every question on the page within a working day and the owner reads the " +
  "messages herself; customers ask about repairs, opening hours, prices and delivery, so the " +
  "team keeps a short list of replies, thanks people who recommend us, and moves complaints " +
  "to a private message before resolving them in public. Training happens twice a year " +
  "(half a day), the plan is reviewed each quarter with sales and service, and results are " +
  "counted as enquiries, bookings, repeat customers and issues resolved, not likes. It's a " +
  "small shop, 12 people, 3 of whom post; e-mail, phone and word of mouth still matter - a lot."
).split(" ");

export function prose(random: Random, words: number): string {
  const start = Math.floor(random() * PROSE.length);
  const text = Array.from({ length: words }, (_, i) => PROSE[(start + i) % PROSE.length]).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A complete, valid plan's data, answers drawn from the rubrics, text as people write it. */
export function realisticPlan(random: Random, rubrics: RubricSet): Record<string, unknown> {
  const answers: Record<string, Record<string, unknown>> = {};
  for (const { rubric } of rubrics.dimensions) {
    const given: Record<string, unknown> = {};
    for (const q of rubric.questions) {
      if (!chance(random, 0.85)) continue;
      switch (q.kind) {
        case "choice":
          given[q.id] = pick(random, q.choices).value;
          break;
        case "multi":
          given[q.id] = q.options.filter(() => chance(random, 0.5)).map((o) => o.value);
          break;
        case "boolean":
          given[q.id] = chance(random, 0.5);
          break;
        case "scale":
          given[q.id] = q.min + Math.floor(random() * (q.max - q.min + 1));
          break;
        case "number":
          given[q.id] = Math.round(random() * Math.min(q.max, 100) * 10) / 10;
          break;
        case "text":
          given[q.id] = prose(random, 3 + Math.floor(random() * 60));
          break;
      }
    }
    answers[rubric.id] = given;
  }
  const plan: Record<string, unknown> = {
    organization: pick(random, ["Acme Bikes", "Bäckerei Süß", "O'Brien & Daughters", "Client 7"]),
    date: "2026-11-01",
  };
  if (chance(random, 0.5)) plan.auditor = pick(random, ["A. Consultant", "Jo"]);
  if (chance(random, 0.7)) plan.notes = prose(random, 5 + Math.floor(random() * 120));
  if (chance(random, 0.2)) plan.thresholds = { overall: 50 + Math.floor(random() * 30) };
  plan.answers = answers;
  return plan;
}

/** The plan written as `yaml.stringify` writes it, with the widths and indents people pick. */
export function stringifiedPlan(random: Random, rubrics: RubricSet): string {
  return stringify(realisticPlan(random, rubrics), {
    indent: pick(random, [2, 2, 4]),
    lineWidth: pick(random, [80, 80, 40, 120]),
  });
}

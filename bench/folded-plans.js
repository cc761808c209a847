// Plans as `yaml.stringify` writes them when answers carry real prose: long text is folded
// into multi-line plain scalars, the shape the interview and scripts produce. The fast YAML
// reader must keep these on its path; this set shows whether it does (bench/run.js times it).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

const WORDS = (
  "we answer every question on the page within a working day and the owner reads the " +
  "messages herself; customers ask about repairs, opening hours, prices and delivery, so " +
  "the team keeps a short list of replies, thanks people who recommend us, and moves " +
  "complaints to a private message before resolving them in public. Training happens twice " +
  "a year (half a day), the plan is reviewed each quarter with sales and service, and " +
  "results are counted as enquiries, bookings, repeat customers and issues resolved, not " +
  "likes. It's a small shop, 12 people, 3 of whom post; e-mail and phone still matter."
).split(" ");

/** A seeded generator, so every bench run reads the same plans. */
export function random(seed) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function prose(next, words) {
  const start = Math.floor(next() * WORDS.length);
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(start + i) % WORDS.length]);
  const text = out.join(" ");
  return text[0].toUpperCase() + text.slice(1);
}

/** A random answer of the question's kind; text answers are prose unless `text` says otherwise. */
export function answer(question, next, text = () => prose(next, 10 + Math.floor(next() * 50))) {
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  switch (question.kind) {
    case "choice":
      return pick(question.choices).value;
    case "multi":
      return question.options.filter(() => next() < 0.5).map((o) => o.value);
    case "boolean":
      return next() < 0.5;
    case "scale":
      return question.min + Math.floor(next() * (question.max - question.min + 1));
    case "number":
      return Math.round(next() * Math.min(question.max, 100) * 10) / 10;
    case "text":
      return text();
  }
}

/** Writes `count` plans into `dir`; returns their file names. */
export function writeFoldedPlans(rubrics, count, dir, seed = 7) {
  const next = random(seed);
  mkdirSync(dir, { recursive: true });
  const names = [];
  for (let i = 0; i < count; i++) {
    const answers = {};
    for (const { rubric } of rubrics.dimensions) {
      answers[rubric.id] = {};
      for (const q of rubric.questions)
        if (next() < 0.9) answers[rubric.id][q.id] = answer(q, next);
    }
    const plan = {
      organization: `Client ${i}`,
      date: "2026-11-01",
      auditor: "A. Consultant",
      notes: prose(next, 20 + Math.floor(next() * 60)),
      answers,
    };
    const name = `plan-${String(i).padStart(5, "0")}.yaml`;
    writeFileSync(join(dir, name), stringify(plan));
    names.push(name);
  }
  return names;
}

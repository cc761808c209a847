import type { Answer, Question } from "../core/kinds/index.js";
import { PROFILE_AUDIENCES, PROFILE_SIZES, type Profile } from "../core/plan-file.js";
import type { Section } from "./section.js";

/**
 * The profile step: four short questions about the organisation, asked before the rubric's
 * own, so questions that cannot apply to it can be set aside. They are posed as ordinary
 * questions so they get the same prompts, keys, Back and skip as every other question.
 */

export const PROFILE_SECTION: Section = {
  id: "profile",
  title: "About the organisation",
  intro: ["Four quick questions, so the audit can set aside what cannot apply to you."],
};

const SIZE_LABELS: Record<(typeof PROFILE_SIZES)[number], string> = {
  solo: "Just one person",
  micro: "2 to 9 people",
  small: "10 to 49 people",
  medium: "50 to 249 people",
  large: "250 people or more",
};

const AUDIENCE_LABELS: Record<(typeof PROFILE_AUDIENCES)[number], string> = {
  b2c: "Consumers (business to consumer)",
  b2b: "Other businesses (business to business)",
  nonprofit: "Supporters, members or volunteers (non-profit)",
  "public-sector": "Citizens (public sector)",
};

/** Profile questions are never scored; these fields only satisfy the question shape. */
const unscored = {
  weight: 1,
  recommendation: { title: "-", detail: "-", effort: "low" as const },
};

export function profileQuestions(): Question[] {
  return [
    {
      kind: "choice",
      id: "size",
      prompt: "How many people work in the organisation?",
      help: "Size changes what is reasonable: a two-person shop cannot spread the work across departments, and its weekly hours are measured against its size.",
      ...unscored,
      choices: PROFILE_SIZES.map((value) => ({ value, label: SIZE_LABELS[value], score: 0 })),
    },
    {
      kind: "text",
      id: "sector",
      prompt: "What does the organisation do, in a few words? (e.g. dental practice)",
      help: "The sector appears in the report, so a reader knows whose audit it is.",
      multiline: false,
    },
    {
      kind: "boolean",
      id: "regulated",
      prompt: "Is it in a regulated field (health, legal, finance, childcare...)?",
      help: "Regulated organisations must keep confidential matters out of public replies, so the audit asks about that only for them.",
      ...unscored,
      scores: { yes: 0, no: 0 },
    },
    {
      kind: "choice",
      id: "audience",
      prompt: "Who is it mainly for?",
      help: "Who you serve decides which outcomes count: sales and bookings, leads, donations and volunteers, or services delivered.",
      ...unscored,
      choices: PROFILE_AUDIENCES.map((value) => ({
        value,
        label: AUDIENCE_LABELS[value],
        score: 0,
      })),
    },
  ];
}

export function profileValue(profile: Profile | undefined, id: string): Answer | undefined {
  switch (id) {
    case "size":
      return profile?.size;
    case "sector":
      return profile?.sector;
    case "regulated":
      return profile?.regulated;
    case "audience":
      return profile?.audience;
    default:
      return undefined;
  }
}

const isSize = (v: unknown): v is Profile["size"] =>
  (PROFILE_SIZES as readonly unknown[]).includes(v);
const isAudience = (v: unknown): v is Profile["audience"] =>
  (PROFILE_AUDIENCES as readonly unknown[]).includes(v);

/** The profile with one field set (or removed, for undefined); undefined when nothing is left. */
export function withProfileValue(
  profile: Profile | undefined,
  id: string,
  value: Answer | undefined,
): Profile | undefined {
  const next: Profile = { ...profile };
  // id is one of PROFILE_KEYS: the profile steps are the only ones with this section.
  if (id === "size") next.size = isSize(value) ? value : undefined;
  else if (id === "sector") next.sector = typeof value === "string" ? value : undefined;
  else if (id === "regulated") next.regulated = typeof value === "boolean" ? value : undefined;
  else next.audience = isAudience(value) ? value : undefined;
  const kept: Profile = {};
  for (const key of PROFILE_KEYS)
    if (next[key] !== undefined) Object.assign(kept, { [key]: next[key] });
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** Profile keys in the order a plan file lists them. */
export const PROFILE_KEYS = ["size", "sector", "regulated", "audience"] as const;

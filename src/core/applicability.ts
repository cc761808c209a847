import type { ScoredQuestion } from "./kinds/index.js";
import type { AppliesWhen, Profile, Size } from "./schema-parts.js";

const SIZE_WORDS: Record<Size, string> = {
  solo: "solo (1 person)",
  micro: "micro (2-9 people)",
  small: "small (10-49 people)",
  medium: "medium (50-249 people)",
  large: "large (250+ people)",
};

/** "a", "a or b", "a, b or c". */
const list = (items: readonly string[]) =>
  items
    .map((item, i) => (i === 0 ? item : i === items.length - 1 ? ` or ${item}` : `, ${item}`))
    .join("");

/**
 * Why a question does not apply to the organisation the profile describes, or undefined when
 * it applies. Every key of `appliesWhen` must match; a key the profile leaves out matches,
 * and so does a plan with no profile at all (today's behaviour: every question applies).
 */
export function profileMismatch(
  when: AppliesWhen | undefined,
  profile: Profile | undefined,
): string | undefined {
  if (!when || !profile) return undefined;
  if (when.size && profile.size && !when.size.includes(profile.size))
    return `applies to ${list(when.size.map((s) => SIZE_WORDS[s]))} organisations; this one is ${SIZE_WORDS[profile.size]}`;
  if (when.regulated !== undefined && profile.regulated !== undefined) {
    if (when.regulated !== profile.regulated)
      return when.regulated
        ? "applies to regulated organisations (health, legal, finance, childcare...); this one is not"
        : "applies to organisations outside regulated sectors; this one is regulated";
  }
  if (when.audience && profile.audience && !when.audience.includes(profile.audience))
    return `applies to organisations serving ${list(when.audience)}; this one serves ${profile.audience}`;
  return undefined;
}

export function appliesTo(q: ScoredQuestion, profile: Profile | undefined): boolean {
  return profileMismatch(q.appliesWhen, profile) === undefined;
}

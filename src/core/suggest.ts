/** Damerau-free Levenshtein distance; ids are short, so the quadratic cost does not matter. */
export function editDistance(a: string, b: string): number {
  // Stryker disable next-line ConditionalExpression: a shortcut; the table below also gives 0 for equal strings
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  // A shortened id ("logo" for "logo-only") is a typo too, however far apart the lengths are.
  const prefixed =
    needle.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(needle)) : [];
  if (prefixed.length === 1) return prefixed[0];
  const tolerance = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: most candidates need no table at all.
    // Stryker disable next-line ConditionalExpression: a shortcut; the distance would refuse them too
    if (Math.abs(candidate.length - needle.length) > tolerance) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Stryker disable next-line ConditionalExpression: with no best, bestDistance is Infinity and fails the tolerance anyway
  return best !== undefined && bestDistance <= tolerance ? best : undefined;
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closest(input, candidates);
  return match ? ` (did you mean "${match}"?)` : "";
}

export function oneOfMessage(values: readonly string[], input?: unknown): string {
  const list = values.map((v) => `"${v}"`).join(", ");
  const hint = typeof input === "string" ? didYouMean(input, values) : "";
  const got = input === undefined ? "" : `, got ${preview(input)}`;
  return `must be one of ${list}${got}${hint}`;
}

/** A short, single-line rendering of a user's value for error messages. */
export function preview(value: unknown): string {
  let text: string;
  switch (typeof value) {
    case "string":
      text = JSON.stringify(value);
      break;
    case "object":
      text = value === null ? "null" : Array.isArray(value) ? "a list" : "a mapping";
      break;
    case "number":
    case "boolean":
    case "bigint":
      text = String(value);
      break;
    default:
      text = typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

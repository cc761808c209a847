import {
  Document,
  Scalar,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Node,
  type YAMLMap,
} from "yaml";
import type { Answer } from "../core/kinds/index.js";
import { type AnswerMeta, type Respondent } from "../core/plan-file.js";
import type { RubricSet } from "../core/rubric.js";
import { PROFILE_KEYS } from "./profile.js";
import type { Draft, Entry } from "./types.js";

/**
 * The plan file as a YAML document, edited in place: answers are set where they belong and
 * everything else a person or `init` wrote (comments, blank lines, key order) is kept.
 */

/** The value `n/a` in a plan: the question does not apply to this organisation. */
export const NOT_APPLICABLE = "n/a";
/** A skipped question is written as an empty value with this comment, so resume knows it. */
const SKIPPED = " skipped";

const TOP_LEVEL_ORDER = [
  "organization",
  "respondent",
  "date",
  "auditor",
  "notes",
  "profile",
  "thresholds",
  "weights",
  "answers",
];

export function isSkipMarker(node: unknown): boolean {
  return (
    isScalar(node) && node.value === null && node.comment?.split("\n")[0]?.trim() === SKIPPED.trim()
  );
}

/**
 * An empty value's comment is usually the comment of whatever follows it (in an `init`
 * template, the next question's or dimension's heading): the lines after a skip mark, or all.
 */
function followingComment(node: unknown): string | undefined {
  if (!isScalar(node) || node.value !== null || !node.comment) return undefined;
  const lines = node.comment.split("\n");
  const rest = isSkipMarker(node) ? lines.slice(1) : lines;
  while (rest.length > 0 && rest[0]?.trim() === "") rest.shift();
  return rest.length > 0 ? rest.join("\n") : undefined;
}

/** The object's fields that have a value, so a draft compares equal to the file it came from. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const META_KEYS = ["evidence", "asOf", "by"] as const;
const OBJECT_ORDER = ["answer", ...META_KEYS];

function valueNode(document: Document, value: Answer, question: { kind: string }): Node {
  if (question.kind === "multi" || Array.isArray(value))
    return document.createNode(value, { flow: true });
  return new Scalar(value);
}

/**
 * An answer with evidence: `answer`, `evidence`, `asOf`, `by` as a block under the question,
 * so a long link reads well and needs no quoting. (A flow map a person wrote stays a flow map.)
 */
function objectNode(document: Document, value: Answer, meta: AnswerMeta): Node {
  const map = document.createNode({ answer: value, ...definedOnly(meta) });
  const answer = map.get("answer", true);
  if (isSeq(answer)) answer.flow = true;
  return map;
}

/** Updates an answer already written as an object, in place: its style and comments stay. */
function updateObject(
  document: Document,
  map: YAMLMap,
  value: Answer,
  meta: AnswerMeta,
  question: { kind: string },
): void {
  const answer = map.items.find((p) => isScalar(p.key) && p.key.value === "answer")?.value;
  const same = Array.isArray(value)
    ? JSON.stringify((answer as Node | undefined)?.toJSON()) === JSON.stringify(value)
    : isScalar(answer) && answer.value === value;
  if (!same) place(document, map, "answer", valueNode(document, value, question), OBJECT_ORDER);
  for (const key of META_KEYS) {
    const given = meta[key];
    if (given === undefined) remove(map, key);
    else if (!sameScalar(map, key, given))
      place(document, map, key, new Scalar(given), OBJECT_ORDER);
  }
}

function entryNode(document: Document, entry: Entry, question: { kind: string }): Node {
  if (entry.type === "skipped") {
    const node = new Scalar(null);
    node.comment = SKIPPED;
    return node;
  }
  const value: Answer = entry.type === "not-applicable" ? NOT_APPLICABLE : entry.value;
  if (entry.meta) return objectNode(document, value, entry.meta);
  return valueNode(document, value, question);
}

/** Sets `key` in `map`, in place when present, else before the first later key of `order`. */
function place(
  document: Document,
  map: YAMLMap,
  key: string,
  value: Node,
  order: readonly string[],
  relocate?: (comment: string) => void,
): void {
  const existing = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (existing) {
    const old = existing.value;
    const following = followingComment(old);
    if (following !== undefined) relocate?.(following);
    // Keep a person's own comment on a value, but not a skip mark the answer replaces.
    else if (isScalar(old) && old.comment && !isSkipMarker(old) && !(value as Scalar).comment)
      (value as Scalar).comment = old.comment;
    existing.value = value;
    return;
  }
  const rank = order.indexOf(key);
  const before = map.items.findIndex((p) => {
    const other = isScalar(p.key) ? order.indexOf(String(p.key.value)) : -1;
    return rank >= 0 && other > rank;
  });
  const pair = document.createPair(key, value);
  if (before === -1) map.items.push(pair);
  else map.items.splice(before, 0, pair);
}

function remove(map: YAMLMap, key: string): void {
  const index = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  if (index >= 0) map.items.splice(index, 1);
}

/** Gets the mapping at `key`, creating it (or replacing an empty value) in its place. */
function mapAt(
  document: Document,
  parent: YAMLMap,
  key: string,
  order: readonly string[],
): YAMLMap {
  const found = parent.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
  if (isMap(found)) return found;
  const created = document.createNode({}) as YAMLMap;
  place(document, parent, key, created, order);
  return created;
}

function sameScalar(map: YAMLMap, key: string, value: unknown): boolean {
  const node = map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
  return isScalar(node) && node.value === value;
}

export class PlanDocument {
  private readonly document: Document;

  /** From a plan file's text, or a new document with these comment lines on top. */
  constructor(text: string | undefined, header: readonly string[] = []) {
    if (text !== undefined) {
      this.document = parseDocument(text);
    } else {
      this.document = new Document({});
      if (header.length > 0) this.document.commentBefore = header.map((l) => ` ${l}`).join("\n");
    }
    if (!isMap(this.document.contents)) this.document.contents = this.document.createNode({});
  }

  /** Writes the draft's fields and entries into the document; nothing else is touched. */
  apply(draft: Draft, rubrics: RubricSet): this {
    const document = this.document;
    const root = document.contents as YAMLMap;
    const scalars: [string, string | undefined][] = [
      ["organization", draft.organization],
      ["date", draft.date],
      ["auditor", draft.auditor],
    ];
    for (const [key, value] of scalars) {
      if (value === undefined) remove(root, key);
      else if (!sameScalar(root, key, value))
        place(document, root, key, new Scalar(value), TOP_LEVEL_ORDER);
    }
    this.applyRespondent(draft.respondent);
    if (draft.profile) {
      const profile = mapAt(document, root, "profile", TOP_LEVEL_ORDER);
      for (const key of PROFILE_KEYS) {
        const value = draft.profile[key];
        if (value === undefined) remove(profile, key);
        else if (!sameScalar(profile, key, value))
          place(document, profile, key, new Scalar(value), PROFILE_KEYS);
      }
    } else {
      remove(root, "profile");
    }
    const dimensionOrder = rubrics.dimensions.map((d) => d.rubric.id);
    for (const { rubric } of rubrics.dimensions) {
      const entries = draft.entries.get(rubric.id);
      if (!entries || entries.size === 0) continue;
      const answers = mapAt(document, root, "answers", TOP_LEVEL_ORDER);
      const dimension = mapAt(document, answers, rubric.id, dimensionOrder);
      const questionOrder = rubric.questions.map((q) => q.id);
      for (const question of rubric.questions) {
        const entry = entries.get(question.id);
        if (!entry) continue;
        const current = dimension.items.find(
          (p) => isScalar(p.key) && p.key.value === question.id,
        )?.value;
        if (entry.type !== "skipped" && entry.meta && isMap(current)) {
          const value = entry.type === "answer" ? entry.value : NOT_APPLICABLE;
          updateObject(document, current, value, entry.meta, question);
          continue;
        }
        if (entry.type === "answer" && !entry.meta && !Array.isArray(entry.value)) {
          if (isScalar(current) && current.value === entry.value) continue;
        }
        place(
          document,
          dimension,
          question.id,
          entryNode(document, entry, question),
          questionOrder,
          (comment) => {
            this.commentBeforeNext(["answers", rubric.id, question.id], comment);
          },
        );
      }
    }
    return this;
  }

  /** `respondent: { name, role }`, left as written while it says the same. */
  private applyRespondent(respondent: Respondent | undefined): void {
    const root = this.document.contents as YAMLMap;
    if (!respondent) {
      remove(root, "respondent");
      return;
    }
    const found = root.items.find((p) => isScalar(p.key) && p.key.value === "respondent")?.value;
    if (
      isMap(found) &&
      sameScalar(found, "name", respondent.name) &&
      (respondent.role === undefined
        ? !found.has("role")
        : sameScalar(found, "role", respondent.role))
    )
      return;
    const node = this.document.createNode(definedOnly(respondent));
    place(this.document, root, "respondent", node, TOP_LEVEL_ORDER);
  }

  /** Puts a comment before the node that follows `path` (a later key, at whatever depth). */
  private commentBeforeNext(path: readonly string[], comment: string): void {
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const parent =
        depth === 0 ? this.document.contents : this.document.getIn(path.slice(0, depth), true);
      if (!isMap(parent)) continue;
      const index = parent.items.findIndex((p) => isScalar(p.key) && p.key.value === path[depth]);
      const next = parent.items[index + 1];
      if (index >= 0 && next && isScalar(next.key)) {
        next.key.commentBefore = next.key.commentBefore
          ? `${comment}\n${next.key.commentBefore}`
          : comment;
        next.key.spaceBefore = true;
        return;
      }
    }
    this.document.comment = this.document.comment
      ? `${this.document.comment}\n${comment}`
      : comment;
  }

  toString(): string {
    return this.document.toString({ lineWidth: 0, nullStr: "", flowCollectionPadding: false });
  }
}

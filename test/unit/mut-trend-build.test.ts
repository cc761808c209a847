import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/report.js";
import type { Report } from "../../src/core/report-schema.js";
import { TrendSchema, buildTrend } from "../../src/core/trend.js";
import { LEVELS, choice, plan, rubric, rubricSet } from "./builders.js";

/*
 * buildTrend on audits written by hand: each report starts from a real one (so it is a valid
 * Report) and is then given exactly the dates, scores, levels, rubric versions and
 * recommendations a case needs, so every expected series can be read off the case.
 */

const base = buildReport({
  rubrics: rubricSet(rubric("base", [choice("q", 1)])),
  plan: plan({}),
  toolVersion: "t",
});
const baseDimension = base.dimensions[0] as Report["dimensions"][number];
const baseRecommendation = base.recommendations[0] as Report["recommendations"][number];

type LevelId = "existing" | "emerging" | "living";
const ref = (id: LevelId) => {
  const level = LEVELS.find((l) => l.id === id);
  if (!level) throw new Error(id);
  return { id: level.id, label: level.label };
};

interface DimensionSpec {
  id: string;
  score: number;
  level: LevelId;
  title?: string;
  version?: string;
  hash?: string;
}

interface AuditSpec {
  date: string | null;
  organization?: string;
  source?: string | null;
  score?: number;
  level?: LevelId;
  dimensions?: DimensionSpec[];
  /** [dimension, question, title] */
  recommendations?: [string, string, string][];
}

function audit(spec: AuditSpec): Report {
  return {
    ...base,
    organization: spec.organization ?? "Acme",
    date: spec.date,
    source: { plan: spec.source === undefined ? `${spec.date ?? "undated"}.yaml` : spec.source },
    overall: { score: spec.score ?? 50, level: ref(spec.level ?? "emerging") },
    dimensions: (spec.dimensions ?? []).map((d) => ({
      ...baseDimension,
      id: d.id,
      title: d.title ?? `Title of ${d.id}`,
      score: d.score,
      level: ref(d.level),
      rubric: { ...baseDimension.rubric, version: d.version ?? "1.0.0", hash: d.hash ?? "h1" },
    })),
    recommendations: (spec.recommendations ?? []).map(([dimension, question, title], i) => ({
      ...baseRecommendation,
      rank: i + 1,
      dimension,
      question,
      title,
    })),
  };
}

describe("buildTrend: the series", () => {
  it("refuses an empty list, saying why", () => {
    expect(() => buildTrend([])).toThrow(new RangeError("a trend needs at least one audit"));
  });

  it("of one audit: one point per series, no change, no steps and no warnings", () => {
    const only = audit({
      date: "2026-01-01",
      organization: "Acme",
      source: "jan.yaml",
      score: 42.5,
      level: "emerging",
      dimensions: [{ id: "d", score: 42.5, level: "emerging" }],
      recommendations: [["d", "q", "Act on q"]],
    });
    const trend = buildTrend([only]);
    expect(trend).toEqual({
      schemaVersion: 1,
      organization: "Acme",
      audits: [
        {
          date: "2026-01-01",
          source: "jan.yaml",
          organization: "Acme",
          overall: { score: 42.5, level: { id: "emerging", label: "Emerging" } },
          recommendations: 1,
        },
      ],
      overall: { scores: [42.5], change: 0 },
      dimensions: [
        {
          id: "d",
          title: "Title of d",
          scores: [42.5],
          levels: [{ id: "emerging", label: "Emerging" }],
          change: null,
        },
      ],
      levelChanges: [],
      steps: [],
      warnings: [],
    });
    expect(TrendSchema.parse(trend)).toEqual(trend);
  });

  it("of two audits: changes are last minus first, rounded to one decimal, level changes both ways", () => {
    const jan = audit({
      date: "2026-01-01",
      source: null,
      score: 20.25,
      level: "existing",
      dimensions: [
        { id: "a", score: 30.5, level: "existing" },
        { id: "b", score: 80, level: "living" },
        { id: "c", score: 50, level: "emerging" },
      ],
    });
    // The later audit lists its dimensions in another order: each is matched by id.
    const jun = audit({
      date: "2026-06-01",
      score: 55.8,
      level: "emerging",
      dimensions: [
        { id: "c", score: 55, level: "emerging" },
        { id: "b", score: 60, level: "emerging" },
        { id: "a", score: 72, level: "living" },
      ],
    });
    const trend = buildTrend([jun, jan]);
    expect(trend.audits.map((a) => a.source)).toEqual([null, "2026-06-01.yaml"]);
    expect(trend.overall).toEqual({ scores: [20.25, 55.8], change: 35.6 });
    expect(trend.dimensions.map((d) => [d.id, d.scores, d.change])).toEqual([
      ["c", [50, 55], 5],
      ["b", [80, 60], -20],
      ["a", [30.5, 72], 41.5],
    ]);
    const e = { id: "existing", label: "Existing" };
    const m = { id: "emerging", label: "Emerging" };
    const l = { id: "living", label: "Living" };
    const change = { audit: 1, date: "2026-06-01" };
    // Overall first, then the later audit's dimensions in its order; c kept its level.
    expect(trend.levelChanges).toEqual([
      { ...change, dimension: null, before: e, after: m, direction: "up" },
      { ...change, dimension: "b", before: l, after: m, direction: "down" },
      { ...change, dimension: "a", before: e, after: l, direction: "up" },
    ]);
    expect(trend.warnings).toEqual([]);
  });

  it("measures a dimension's change between the first and last audits that scored it", () => {
    const dims = (score: number) => [{ id: "d", score, level: "emerging" as const }];
    const trend = buildTrend([
      audit({ date: "2026-01-01" }),
      audit({ date: "2026-02-01", dimensions: dims(40) }),
      audit({ date: "2026-03-01" }),
      audit({ date: "2026-04-01", dimensions: dims(47.5) }),
      audit({ date: "2026-05-01" }),
    ]);
    expect(trend.dimensions).toEqual([
      {
        id: "d",
        title: "Title of d",
        scores: [null, 40, null, 47.5, null],
        levels: [null, m(), null, m(), null],
        change: 7.5,
      },
    ]);
    expect(trend.warnings).toEqual(["d is missing from 3 of the 5 audits"]);
  });

  it("has no change for a dimension only one of several audits scored", () => {
    const trend = buildTrend([
      audit({ date: "2026-01-01", dimensions: [{ id: "d", score: 40, level: "emerging" }] }),
      audit({ date: "2026-02-01" }),
    ]);
    expect(trend.dimensions.map((d) => [d.scores, d.change])).toEqual([[[40, null], null]]);
  });

  it("names each dimension as the latest audit that scored it does", () => {
    const trend = buildTrend([
      audit({
        date: "2026-01-01",
        dimensions: [
          { id: "a", score: 1, level: "existing", title: "Old A" },
          { id: "b", score: 1, level: "existing", title: "Only B" },
        ],
      }),
      audit({
        date: "2026-02-01",
        dimensions: [{ id: "a", score: 1, level: "existing", title: "New A" }],
      }),
    ]);
    expect(trend.dimensions.map((d) => [d.id, d.title])).toEqual([
      ["a", "New A"],
      ["b", "Only B"],
    ]);
  });

  it("lists the latest audit's dimensions in its order, then the others newest first", () => {
    const d = (id: string) => ({ id, score: 10, level: "existing" as const });
    const trend = buildTrend([
      audit({ date: "2026-01-01", dimensions: [d("x"), d("y"), d("w")] }),
      audit({ date: "2026-02-01", dimensions: [d("z"), d("x")] }),
      audit({ date: "2026-03-01", dimensions: [d("w"), d("v")] }),
    ]);
    expect(trend.dimensions.map((x) => x.id)).toEqual(["w", "v", "z", "x", "y"]);
  });

  it("counts recommendations per audit and names the trend after the latest organisation", () => {
    const trend = buildTrend([
      audit({ date: "2026-01-01", organization: "Old name", recommendations: [] }),
      audit({
        date: "2026-02-01",
        organization: "New name",
        recommendations: [
          ["d", "q", "Q"],
          ["d", "r", "R"],
        ],
      }),
    ]);
    expect(trend.organization).toBe("New name");
    expect(trend.audits.map((a) => [a.organization, a.recommendations])).toEqual([
      ["Old name", 0],
      ["New name", 2],
    ]);
  });
});

function m() {
  return { id: "emerging", label: "Emerging" };
}

describe("buildTrend: level changes", () => {
  const at = (date: string, level: LevelId, dimensions: DimensionSpec[] = []) =>
    audit({ date, level, dimensions });

  it("records nothing when the level stays, and nothing for a dimension new in the later audit", () => {
    const trend = buildTrend([
      at("2026-01-01", "living", [{ id: "a", score: 80, level: "living" }]),
      at("2026-02-01", "living", [
        { id: "new", score: 10, level: "existing" },
        { id: "a", score: 75, level: "living" },
      ]),
    ]);
    expect(trend.levelChanges).toEqual([]);
    expect(trend.warnings).toEqual(["new is missing from 1 of the 2 audits"]);
  });

  it("points at the later audit of each pair, with its date (null when undated)", () => {
    const trend = buildTrend([
      at("2026-01-01", "existing"),
      at("2026-02-01", "emerging"),
      at("2026-03-01", "emerging"),
      audit({ date: null, level: "existing" }),
    ]);
    expect(trend.levelChanges).toEqual([
      {
        audit: 1,
        date: "2026-02-01",
        dimension: null,
        before: { id: "existing", label: "Existing" },
        after: { id: "emerging", label: "Emerging" },
        direction: "up",
      },
      {
        audit: 3,
        date: null,
        dimension: null,
        before: { id: "emerging", label: "Emerging" },
        after: { id: "existing", label: "Existing" },
        direction: "down",
      },
    ]);
  });

  it("copies only the id and label of each level", () => {
    const withExtra = (date: string, level: LevelId): Report => {
      const report = at(date, level);
      return {
        ...report,
        overall: { ...report.overall, level: { ...ref(level), summary: "extra" } as never },
      };
    };
    const trend = buildTrend([
      withExtra("2026-01-01", "existing"),
      withExtra("2026-02-01", "living"),
    ]);
    expect(trend.levelChanges[0]?.before).toStrictEqual({ id: "existing", label: "Existing" });
    expect(trend.levelChanges[0]?.after).toStrictEqual({ id: "living", label: "Living" });
    expect(trend.audits[0]?.overall.level).toStrictEqual({ id: "existing", label: "Existing" });
  });
});

describe("buildTrend: recommendation steps", () => {
  it("says which recommendations were resolved and which raised, by dimension and question", () => {
    const trend = buildTrend([
      audit({
        date: "2026-01-01",
        recommendations: [
          ["a", "gone", "Gone soon"],
          ["a", "stays", "Stays"],
          ["b", "gone", "Also gone"],
        ],
      }),
      audit({
        date: "2026-02-01",
        recommendations: [
          ["b", "new", "Brand new"],
          // Same question under a new title: still the same recommendation.
          ["a", "stays", "Stays, reworded"],
          ["a", "new", "Another"],
        ],
      }),
      audit({ date: null, recommendations: [] }),
    ]);
    expect(trend.steps).toEqual([
      {
        audit: 1,
        from: "2026-01-01",
        to: "2026-02-01",
        resolved: [
          { dimension: "a", question: "gone", title: "Gone soon" },
          { dimension: "b", question: "gone", title: "Also gone" },
        ],
        raised: [
          { dimension: "b", question: "new", title: "Brand new" },
          { dimension: "a", question: "new", title: "Another" },
        ],
      },
      {
        audit: 2,
        from: "2026-02-01",
        to: null,
        resolved: [
          { dimension: "b", question: "new", title: "Brand new" },
          { dimension: "a", question: "stays", title: "Stays, reworded" },
          { dimension: "a", question: "new", title: "Another" },
        ],
        raised: [],
      },
    ]);
    // Only the three fields, not the whole recommendation.
    expect(Object.keys(trend.steps[0]?.resolved[0] ?? {})).toEqual([
      "dimension",
      "question",
      "title",
    ]);
  });
});

describe("buildTrend: warnings", () => {
  const d = (version: string, hash = "h1"): DimensionSpec[] => [
    { id: "d", score: 50, level: "emerging", version, hash },
  ];
  const cases: { name: string; audits: AuditSpec[]; warnings: string[] }[] = [
    {
      name: "one organisation, all dated, one rubric: none",
      audits: [
        { date: "2026-01-01", dimensions: d("1.0.0") },
        { date: "2026-02-01", dimensions: d("1.0.0") },
      ],
      warnings: [],
    },
    {
      name: "two organisations, named in order of the audits",
      audits: [
        { date: "2026-01-01", organization: "Acme" },
        { date: "2026-02-01", organization: "Beta" },
        { date: "2026-03-01", organization: "Acme" },
      ],
      warnings: [
        'the audits are of different organisations ("Acme", "Beta"); the trend is named after the latest',
      ],
    },
    {
      name: "one undated audit",
      audits: [{ date: null }, { date: "2026-01-01" }],
      warnings: ["1 audit has no date and is placed after the dated ones, in the order given"],
    },
    {
      name: "two undated audits",
      audits: [{ date: null }, { date: "2026-01-01" }, { date: null }],
      warnings: ["2 audits have no date and are placed after the dated ones, in the order given"],
    },
    {
      name: "a new rubric version, once per change",
      audits: [
        { date: "2026-01-01", dimensions: d("1.0.0") },
        { date: "2026-02-01", dimensions: d("2.0.0") },
        { date: "2026-03-01", dimensions: d("2.0.0") },
        { date: "2026-04-01", dimensions: d("3.0.0") },
      ],
      warnings: [
        "d was scored with rubric version 1.0.0 on 2026-01-01 and 2.0.0 on 2026-02-01; scores may not be comparable",
        "d was scored with rubric version 2.0.0 on 2026-03-01 and 3.0.0 on 2026-04-01; scores may not be comparable",
      ],
    },
    {
      name: "a new rubric version on undated audits",
      audits: [
        { date: "2026-01-01", dimensions: d("1.0.0") },
        { date: null, dimensions: d("2.0.0") },
        { date: null, dimensions: d("3.0.0") },
      ],
      warnings: [
        "2 audits have no date and are placed after the dated ones, in the order given",
        "d was scored with rubric version 1.0.0 on 2026-01-01 and 2.0.0 on an undated audit; scores may not be comparable",
        "d was scored with rubric version 2.0.0 on an undated audit and 3.0.0 on an undated audit; scores may not be comparable",
      ],
    },
    {
      name: "the same version with other content",
      audits: [
        { date: "2026-01-01", dimensions: d("1.0.0", "h1") },
        { date: "2026-02-01", dimensions: d("1.0.0", "h2") },
        { date: null, dimensions: d("1.0.0", "h3") },
      ],
      warnings: [
        "1 audit has no date and is placed after the dated ones, in the order given",
        "d was scored with different rubric content (same version 1.0.0) on 2026-01-01 and 2026-02-01; scores may not be comparable",
        "d was scored with different rubric content (same version 1.0.0) on 2026-02-01 and an undated audit; scores may not be comparable",
      ],
    },
    {
      name: "rubrics compared only between consecutive audits that both scored the dimension",
      audits: [
        { date: "2026-01-01", dimensions: d("1.0.0") },
        { date: "2026-02-01" },
        { date: "2026-03-01", dimensions: d("2.0.0") },
      ],
      warnings: ["d is missing from 1 of the 3 audits"],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      expect(buildTrend(c.audits.map(audit)).warnings).toEqual(c.warnings);
    });
});

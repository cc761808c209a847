import { describe, expect, it } from "vitest";
import { planError } from "../../src/core/envelope.js";
import {
  PortfolioSchema,
  buildPortfolio,
  type PortfolioAudit,
  type PortfolioSort,
} from "../../src/core/portfolio.js";

/*
 * buildPortfolio on hand-made audits (what portfolioAudit keeps of a report), so every
 * number can be worked out by hand: the latest audit per organisation and its change, the
 * three sorts and their tie-breaks, the summary and the most common gaps.
 */

type Rec = PortfolioAudit["recommendations"][number];

const rec = (dimension: string, question: string, critical = false): Rec => ({
  dimension,
  question,
  title: `Act on ${question}`,
  critical,
});

function audit(
  organization: string,
  date: string | null,
  score: number,
  extra: Partial<Omit<PortfolioAudit, "organization" | "date">> = {},
): PortfolioAudit {
  return {
    organization,
    date,
    source: `${organization}-${date ?? "undated"}.yaml`,
    overall: { score, level: { id: "emerging", label: "Emerging" } },
    dimensions: [{ id: "d", title: "Title of d", score }],
    recommendations: [],
    ...extra,
  };
}

const names = (audits: readonly PortfolioAudit[], sort: PortfolioSort) =>
  buildPortfolio(audits, { sort, gaps: 0 }).rows.map((r) => r.organization);

describe("buildPortfolio: rows", () => {
  it("an empty portfolio has no rows, no gaps and a zero summary", () => {
    expect(buildPortfolio([], { sort: "score", gaps: 5 })).toEqual({
      schemaVersion: 2,
      sort: "score",
      summary: {
        organizations: 0,
        audits: 0,
        averageOverall: 0,
        fixFirst: 0,
        slipping: 0,
        invalid: 0,
      },
      dimensions: [],
      rows: [],
      gaps: [],
      errors: [],
    });
  });

  it("keeps the files that could not be read, in order, and counts them", () => {
    const errors = [
      planError("a.yaml", "invalid plan", [{ line: 3, column: 1, message: "is wrong" }]),
      planError("b.json", "not a report", []),
    ];
    const p = buildPortfolio([audit("A", null, 10)], { sort: "name", gaps: 0 }, errors);
    expect(p.errors).toEqual(errors);
    expect(p.summary).toMatchObject({ organizations: 1, invalid: 2 });
    expect(PortfolioSchema.parse(p)).toEqual(p);
  });

  it("keeps each organisation's latest audit, whatever the input order, with the one before it", () => {
    const p = buildPortfolio(
      [
        audit("Acme", "2026-03-01", 72.3, {
          dimensions: [
            { id: "d", title: "Title of d", score: 80 },
            { id: "e", title: "Title of e", score: 64.6 },
          ],
          recommendations: [rec("d", "a", true), rec("e", "b"), rec("e", "c", true)],
        }),
        audit("Acme", "2025-01-01", 40, { recommendations: [rec("d", "old", true)] }),
        audit("Acme", "2026-01-15", 60.1),
        audit("Solo", "2026-02-01", 55),
      ],
      { sort: "name", gaps: 0 },
    );
    expect(PortfolioSchema.parse(p)).toEqual(p);
    expect(p.rows).toEqual([
      {
        organization: "Acme",
        date: "2026-03-01",
        source: "Acme-2026-03-01.yaml",
        overall: { score: 72.3, level: { id: "emerging", label: "Emerging" } },
        dimensions: { d: 80, e: 64.6 },
        fixFirst: 2,
        recommendations: 3,
        audits: 3,
        previous: { date: "2026-01-15", score: 60.1 },
        // 72.3 - 60.1 is 12.199999999999996 in floating point: rounded to a tenth.
        change: 12.2,
      },
      {
        organization: "Solo",
        date: "2026-02-01",
        source: "Solo-2026-02-01.yaml",
        overall: { score: 55, level: { id: "emerging", label: "Emerging" } },
        dimensions: { d: 55 },
        fixFirst: 0,
        recommendations: 0,
        audits: 1,
        previous: null,
        change: null,
      },
    ]);
  });

  it("with two audits the earlier is the previous one", () => {
    const [row] = buildPortfolio([audit("A", "2026-02-01", 50), audit("A", "2026-01-01", 70)], {
      sort: "name",
      gaps: 0,
    }).rows;
    expect(row?.previous).toEqual({ date: "2026-01-01", score: 70 });
    expect(row?.change).toBe(-20);
  });

  it("lists the dimensions the latest audits scored, in first-seen order, the first title winning", () => {
    const p = buildPortfolio(
      [
        audit("A", "2025-01-01", 10, { dimensions: [{ id: "gone", title: "Gone", score: 1 }] }),
        audit("A", "2026-01-01", 50, {
          dimensions: [
            { id: "d", title: "Title of d", score: 50 },
            { id: "e", title: "Title of e", score: 50 },
          ],
        }),
        audit("B", "2026-01-01", 50, {
          dimensions: [
            { id: "f", title: "Title of f", score: 50 },
            { id: "d", title: "A newer title of d", score: 50 },
          ],
        }),
      ],
      { sort: "name", gaps: 0 },
    );
    expect(p.dimensions).toEqual([
      { id: "d", title: "Title of d" },
      { id: "e", title: "Title of e" },
      { id: "f", title: "Title of f" },
    ]);
  });
});

describe("buildPortfolio: sorts", () => {
  it("score: lowest first, equal scores by name in English order (not code units)", () => {
    const audits = [audit("Beta", null, 50), audit("Gamma", null, 40), audit("alpha", null, 50)];
    expect(names(audits, "score")).toEqual(["Gamma", "alpha", "Beta"]);
    expect(names([audit("a", null, 60), audit("B", null, 30)], "score")).toEqual(["B", "a"]);
  });

  it("change: largest drop first, no change before a rise, unmeasured last by name", () => {
    const twice = (name: string, before: number, after: number) => [
      audit(name, "2025-01-01", before),
      audit(name, "2026-01-01", after),
    ];
    const audits = [
      audit("New", null, 10),
      ...twice("Up", 50, 55),
      ...twice("Flat", 50, 50),
      audit("also-new", null, 90),
      ...twice("Down", 60, 50),
      ...twice("Dip", 60, 59.5),
    ];
    expect(names(audits, "change")).toEqual(["Down", "Dip", "Flat", "Up", "also-new", "New"]);
    expect(names([...twice("b", 60, 50), ...twice("A", 60, 50)], "change")).toEqual(["A", "b"]);
  });

  it("name: English order, ignoring case", () => {
    const audits = [audit("cherry", null, 1), audit("Banana", null, 2), audit("apple", null, 3)];
    expect(names(audits, "name")).toEqual(["apple", "Banana", "cherry"]);
  });

  it("names English order counts as equal (é written two ways) come out in one fixed order", () => {
    const composed = "Caf\u00e9";
    const decomposed = "Cafe\u0301";
    expect(composed.localeCompare(decomposed, "en")).toBe(0);
    for (const sort of ["name", "score"] as const) {
      expect(names([audit(composed, null, 5), audit(decomposed, null, 5)], sort)).toEqual([
        decomposed,
        composed,
      ]);
      expect(names([audit(decomposed, null, 5), audit(composed, null, 5)], sort)).toEqual([
        decomposed,
        composed,
      ]);
    }
  });
});

describe("buildPortfolio: summary", () => {
  it("averages the latest scores and counts fix-first and slipping organisations", () => {
    const p = buildPortfolio(
      [
        audit("A", "2025-01-01", 30),
        audit("A", "2026-01-01", 10, { recommendations: [rec("d", "a", true)] }),
        audit("B", "2025-01-01", 20),
        audit("B", "2026-01-01", 20, { recommendations: [rec("d", "a")] }),
        audit("C", "2025-01-01", 30),
        audit("C", "2026-01-01", 30.5, { recommendations: [rec("d", "a", true), rec("d", "b")] }),
        audit("D", "2025-01-01", 20),
        audit("D", "2026-01-01", 19.9),
      ],
      { sort: "name", gaps: 0 },
    );
    expect(p.summary).toEqual({
      organizations: 4,
      audits: 8,
      // (10 + 20 + 30.5 + 19.9) / 4 = 20.1
      averageOverall: 20.1,
      fixFirst: 2,
      // A fell 20 points and D a tenth; B's unchanged score is not a fall.
      slipping: 2,
      invalid: 0,
    });
  });

  it("rounds the average to a tenth", () => {
    const p = buildPortfolio([audit("A", null, 10), audit("B", null, 20), audit("C", null, 30.5)], {
      sort: "name",
      gaps: 0,
    });
    // 60.5 / 3 = 20.1666...
    expect(p.summary.averageOverall).toBe(20.2);
    expect(p.summary.slipping).toBe(0);
  });
});

describe("buildPortfolio: gaps", () => {
  // Three organisations; only their latest audits count.
  const audits = [
    audit("A", "2025-01-01", 10, { recommendations: [rec("x", "stale", true)] }),
    audit("A", "2026-01-01", 10, {
      recommendations: [
        rec("b", "w"),
        rec("e", "z", true),
        rec("d", "y"),
        rec("a", "v"),
        rec("e", "z"),
        rec("c", "u"),
      ],
    }),
    audit("B", "2026-01-01", 20, {
      recommendations: [rec("d", "y", true), rec("e", "z", true), rec("a", "v"), rec("b", "w")],
    }),
    audit("C", "2026-01-01", 30, {
      recommendations: [rec("e", "z"), rec("d", "y"), rec("f", "t", true)],
    }),
  ];
  const gap = (
    dimension: string,
    question: string,
    organizations: number,
    fixFirst: number,
    share: number,
  ) => ({ dimension, question, title: `Act on ${question}`, organizations, fixFirst, share });

  it("most organisations first, then most fix-first, then by dimension and question", () => {
    const p = buildPortfolio(audits, { sort: "name", gaps: 10 });
    expect(p.gaps).toEqual([
      gap("e", "z", 3, 2, 1),
      gap("d", "y", 3, 1, 1),
      gap("a", "v", 2, 0, 0.667),
      gap("b", "w", 2, 0, 0.667),
      gap("f", "t", 1, 1, 0.333),
      gap("c", "u", 1, 0, 0.333),
    ]);
    expect(PortfolioSchema.parse(p)).toEqual(p);
    // The row still counts every recommendation the audit made, repeats included.
    expect(p.rows[0]).toMatchObject({ organization: "A", fixFirst: 1, recommendations: 6 });
  });

  it("lists only as many gaps as asked", () => {
    const p = buildPortfolio(audits, { sort: "name", gaps: 3 });
    expect(p.gaps.map((g) => `${g.dimension}/${g.question}`)).toEqual(["e/z", "d/y", "a/v"]);
    expect(buildPortfolio(audits, { sort: "name", gaps: 0 }).gaps).toEqual([]);
  });

  it("ties on organisations and fix-first go by dimension then question, whatever the input order", () => {
    const tied = (order: string[]) =>
      buildPortfolio(
        [
          audit("A", null, 1, {
            recommendations: order.map((key) => rec(key[0] ?? "", key.slice(1))),
          }),
        ],
        { sort: "name", gaps: 10 },
      ).gaps.map((g) => `${g.dimension}${g.question}`);
    for (const order of [
      ["au", "bv", "bw"],
      ["bw", "bv", "au"],
      ["bv", "au", "bw"],
      ["au", "bw", "bv"],
    ])
      expect(tied(order)).toEqual(["au", "bv", "bw"]);
  });

  it("ties compare the dimension first, even when one dimension id begins another", () => {
    // Joined together, "a"+"z" sorts after "ab"+"a"; dimension "a" still comes first.
    for (const order of [
      [rec("ab", "a"), rec("a", "z")],
      [rec("a", "z"), rec("ab", "a")],
      [rec("ab", "c"), rec("a", "bc")],
      [rec("a", "bc"), rec("ab", "c")],
    ]) {
      const gaps = buildPortfolio([audit("A", null, 1, { recommendations: order })], {
        sort: "name",
        gaps: 10,
      }).gaps.map((g) => `${g.dimension}/${g.question}`);
      expect(gaps[0]?.startsWith("a/")).toBe(true);
      expect(gaps[1]?.startsWith("ab/")).toBe(true);
    }
  });

  it("a gap's title is the first organisation's wording", () => {
    const p = buildPortfolio(
      [
        audit("A", null, 1, { recommendations: [{ ...rec("d", "a"), title: "First wording" }] }),
        audit("B", null, 1, { recommendations: [{ ...rec("d", "a"), title: "Later wording" }] }),
      ],
      { sort: "name", gaps: 1 },
    );
    expect(p.gaps).toEqual([
      {
        dimension: "d",
        question: "a",
        title: "First wording",
        organizations: 2,
        fixFirst: 0,
        share: 1,
      },
    ]);
  });
});

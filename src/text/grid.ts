import { displayWidth, padEnd, padStart, wrapText } from "./width.js";

/**
 * Terminal tables laid out here rather than by cli-table3, whose width code rebuilt an ANSI
 * regex on every call and trimmed strings a character at a time (about 55 ms a report). Widths
 * are measured once per cell on plain text, text is wrapped to the column, and styles are
 * applied after wrapping, so colour never affects the layout.
 */

export type Style = (text: string) => string;

/** A cell is plain text, or paragraphs each with its own style (a bold title over its detail). */
export type Cell = string | readonly { text: string; style?: Style | undefined }[];

export interface Column {
  head: string;
  align?: "left" | "right";
  /** Short values such as scores and bars are never wrapped; prose is. */
  wrap?: boolean;
}

export interface GridOptions {
  /** Terminal columns the table must fit in. */
  width: number;
  head?: Style;
  border?: Style;
  /** Below this many columns, rows are stacked as "Head: value" lines instead of a grid. */
  stackBelow?: number;
}

const plain: Style = (s) => s;
const MIN_WRAPPED = 8;
export const STACK_BELOW = 60;

interface Paragraph {
  text: string;
  style: Style;
}

function paragraphs(cell: Cell): Paragraph[] {
  return typeof cell === "string"
    ? [{ text: cell, style: plain }]
    : cell.map((p) => ({ text: p.text, style: p.style ?? plain }));
}

/** Widest paragraph line, unwrapped. */
function naturalWidth(cell: Paragraph[]): number {
  let widest = 0;
  for (const p of cell)
    for (const line of p.text.split("\n")) widest = Math.max(widest, displayWidth(line));
  return widest;
}

/** Column widths that fit `room`, or null when even the narrowest layout would not. */
function fitWidths(natural: number[], columns: readonly Column[], room: number): number[] | null {
  if (natural.reduce((a, b) => a + b, 0) <= room) return natural;
  const widths = [...natural];
  const wrappable = columns
    .map((c, i) => i)
    .filter((i) => columns[i]?.wrap !== false)
    .sort((a, b) => (natural[a] ?? 0) - (natural[b] ?? 0));
  let left = room - natural.reduce((sum, w, i) => (wrappable.includes(i) ? sum : sum + w), 0);
  let count = wrappable.length;
  for (const i of wrappable) {
    const want = natural[i] ?? 0;
    const share = Math.floor(left / count);
    const width = Math.min(want, Math.max(Math.min(want, MIN_WRAPPED), share));
    widths[i] = width;
    left -= width;
    count -= 1;
  }
  return left >= 0 && count === 0 && widths.every((w) => w > 0) ? widths : null;
}

function cellLines(cell: Paragraph[], width: number): string[] {
  const lines: string[] = [];
  for (const p of cell) for (const line of wrapText(p.text, width)) lines.push(p.style(line));
  return lines;
}

function grid(
  columns: readonly Column[],
  cells: Paragraph[][][],
  widths: number[],
  options: GridOptions,
): string {
  const border = options.border ?? plain;
  const rule = (left: string, mid: string, right: string) =>
    border(left + widths.map((w) => "─".repeat(w + 2)).join(mid) + right);
  const row = (cellsOfRow: Paragraph[][], isHead: boolean) => {
    const wrapped = cellsOfRow.map((cell, i) => cellLines(cell, widths[i] ?? 1));
    const height = Math.max(1, ...wrapped.map((l) => l.length));
    const out: string[] = [];
    for (let n = 0; n < height; n++) {
      const parts = wrapped.map((lines, i) => {
        const text = lines[n] ?? "";
        const width = widths[i] ?? 0;
        const fitted =
          columns[i]?.align === "right" && !isHead ? padStart(text, width) : padEnd(text, width);
        return ` ${fitted} `;
      });
      out.push(border("│") + parts.join(border("│")) + border("│"));
    }
    return out.join("\n");
  };
  const head = columns.map((c) => [{ text: c.head, style: options.head ?? plain }]);
  const lines = [rule("┌", "┬", "┐"), row(head, true)];
  for (const cellsOfRow of cells) lines.push(rule("├", "┼", "┤"), row(cellsOfRow, false));
  lines.push(rule("└", "┴", "┘"));
  return lines.join("\n");
}

/** Each row as a block: its first cell as a heading, then "Head: value" lines, wrapped. */
function stacked(columns: readonly Column[], cells: Paragraph[][][], options: GridOptions): string {
  const width = Math.max(options.width, 10);
  const headStyle = options.head ?? plain;
  const blocks = cells.map((cellsOfRow) => {
    const out: string[] = [];
    cellsOfRow.forEach((cell, i) => {
      const column = columns[i];
      if (!column) return;
      // "#1", "Score: 44.7"; a column without a heading shows just its value.
      const label = column.head.length > 1 ? `${column.head}: ` : column.head;
      const indent = i === 0 ? 0 : 2;
      const room = width - indent - displayWidth(label);
      const pad = " ".repeat(indent);
      // Keep short values on the label's line; give prose the full width beneath it.
      if (room >= 12 || !label) {
        const body = cellLines(cell, Math.max(room, 1));
        body.forEach((line, n) =>
          out.push(
            n === 0
              ? `${pad}${label ? headStyle(label) : ""}${line}`
              : `${pad}${" ".repeat(displayWidth(label))}${line}`,
          ),
        );
      } else {
        out.push(`${pad}${headStyle(label.trimEnd())}`);
        for (const line of cellLines(cell, Math.max(width - indent - 2, 1)))
          out.push(`${pad}  ${line}`);
      }
    });
    return out.join("\n");
  });
  return blocks.join("\n\n");
}

/** Renders a table that fits `options.width` columns (no trailing newline). */
export function renderGrid(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: GridOptions,
): string {
  const cells = rows.map((row) => columns.map((_, i) => paragraphs(row[i] ?? "")));
  const natural = columns.map((column, i) =>
    Math.max(displayWidth(column.head), 1, ...cells.map((row) => naturalWidth(row[i] ?? []))),
  );
  const room = options.width - (3 * columns.length + 1);
  const widths =
    options.width >= (options.stackBelow ?? STACK_BELOW) ? fitWidths(natural, columns, room) : null;
  return widths ? grid(columns, cells, widths, options) : stacked(columns, cells, options);
}

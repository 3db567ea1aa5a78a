/**
 * A text table that fits a terminal: columns keep their natural width until the line would be
 * too long, then the flexible columns (the summary first, then the name) narrow and their cells
 * wrap at word boundaries onto continuation lines. Nothing is cut off.
 */
import type { Cell } from './format.js';

export interface FitOptions {
  /** The widest a line may be. */
  readonly width: number;
  /** Columns that may narrow and wrap, the first to give way first, each with the narrowest it may get. */
  readonly flexible: readonly { readonly column: number; readonly min: number }[];
}

const GAP = 2;

const chars = (text: string): number => [...text].length;

/** Splits `text` into lines of at most `width` characters, at spaces where it can, mid-word where it must. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let rest = word;
    while (chars(rest) > width) {
      if (current !== '') {
        lines.push(current);
        current = '';
      }
      lines.push([...rest].slice(0, width).join(''));
      rest = [...rest].slice(width).join('');
    }
    if (current === '') current = rest;
    else if (chars(current) + 1 + chars(rest) <= width) current += ` ${rest}`;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}

/** Column widths that fit `width`, narrowing flexible columns in order, never below their minimum. */
function fitWidths(natural: readonly number[], { width, flexible }: FitOptions): number[] {
  const widths = [...natural];
  const total = (): number => widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1);
  for (const { column, min } of flexible) {
    const excess = total() - width;
    if (excess <= 0) break;
    const current = widths[column] ?? 0;
    widths[column] = Math.max(Math.min(min, current), current - excess);
  }
  return widths;
}

/** Like `toTextTable`, but at most `options.width` wide where the minimums allow it. */
export function toFittedTextTable(headers: readonly string[], rows: readonly (readonly Cell[])[], options: FitOptions): string {
  const all = [headers, ...rows].map((row) => headers.map((_, column) => (row[column] === undefined ? '' : String(row[column])).replace(/\s*[\r\n]+\s*/g, ' ')));
  const natural = headers.map((_, column) => Math.max(...all.map((row) => chars(row[column] ?? ''))));
  const widths = fitWidths(natural, options);
  const out: string[] = [];
  for (const row of all) {
    const cells = row.map((cell, column) => wrapText(cell, widths[column] ?? 1));
    const height = Math.max(...cells.map((lines) => lines.length));
    for (let index = 0; index < height; index += 1) {
      const parts = cells.map((lines, column) => {
        const text = lines[index] ?? '';
        return column === cells.length - 1 ? text : text + ' '.repeat(Math.max(0, (widths[column] ?? 0) - chars(text)));
      });
      out.push(parts.join(' '.repeat(GAP)).trimEnd());
    }
  }
  return `${out.join('\n')}\n`;
}

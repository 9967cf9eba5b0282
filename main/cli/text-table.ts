/**
 * The CLI's plain-text tables: each column as wide as its widest cell, two spaces between columns,
 * no trailing spaces. Used by `foi-desk queue`, `similar`, `chasers`, `answers` and `retention`.
 */

/** A function that lays out one row of `head`'s columns at the widths the rows need. */
export function alignColumns(head: readonly string[], rows: readonly (readonly string[])[]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  return (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
}

/** The heading line and one line per row. */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = alignColumns(head, rows);
  return [line(head), ...rows.map(line)].join('\n');
}

/** Plain aligned columns for a terminal; width counts code points so Vietnamese lines up. */
export function printTable(out: NodeJS.WritableStream, header: string[], rows: string[][]): void {
  const width = (text: string) => [...text.normalize('NFC')].length;
  const widths = header.map((title, column) =>
    Math.max(width(title), ...rows.map((row) => width(row[column] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - width(cell)))
      .join('  ')
      .trimEnd();
  out.write(`${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
}

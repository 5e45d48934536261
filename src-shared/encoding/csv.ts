/** A table read from a CSV file or a spreadsheet: its header's column names (lower case) and its rows. */
export interface Table {
  columns: string[];
  /** 1-based line (or sheet row) numbers, for saying where a problem is. */
  rows: { line: number; cells: string[] }[];
}

/** Splits one CSV line (comma or semicolon, double quotes with "" inside). */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index]!;
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === separator) {
      out.push(cell);
      cell = '';
    } else cell += character;
  }
  out.push(cell);
  return out.map((value) => value.trim());
}

/**
 * Reads a CSV as Vietnamese offices save them: UTF-8 with or without BOM, comma, semicolon
 * or tab separated (Excel in a Vietnamese locale writes semicolons; a pasted range has tabs),
 * a header line.
 */
export function readCsvTable(text: string): Table {
  const lines = text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r?\n/);
  const header = lines[0] ?? '';
  // Excel in a Vietnamese locale saves semicolons; a range pasted from it arrives with tabs.
  const count = (character: string) => header.split(character).length - 1;
  const separator = ['\t', ';', ','].reduce((best, each) => (count(each) > count(best) ? each : best), ',');
  return {
    columns: cells(header, separator).map((name) => name.toLowerCase()),
    rows: lines
      .slice(1)
      .map((line, index) => ({ line: index + 2, text: line }))
      .filter(({ text: line }) => line.trim() !== '')
      .map(({ line, text: row }) => ({ line, cells: cells(row, separator) })),
  };
}

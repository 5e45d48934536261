import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { listProblemText } from '../../../src-shared/capture/list-problem-text';
import { readPreparedList } from '../../../src-shared/capture/prepared-record';
import { readTableFile } from '../../reports/table-file';
import { logIn, UsageError, type CliContext } from '../cli-context';
import { EXIT } from '../exit-codes';

export const SHEETS_HELP = `sohoa sheets [LIST.csv|LIST.xlsx] --out SHEETS.pdf [--separators N] [--department CODE]
             [--user USER] [--password-env VAR] [--json]
  Prints cover sheets, one per line of LIST (columns named as the record fields: ownerName,
  ownerIdNumber, ownerTaxCode, documentNumber, issueDate, procedureCode, box, shelf,
  archiveReference), then N generic separator sheets, as one A4 PDF. Each cover's QR code holds
  only a reference to the record prepared here; scanned on top of its dossier, it starts that
  record with its fields. Lines that cannot be read are listed and nothing is printed (exit 5).`;

export async function sheetsCommand(context: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      separators: { type: 'string', default: '0' },
      department: { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const separators = Number(values.separators);
  if (!values.out || positionals.length > 1 || !Number.isInteger(separators) || separators < 0) {
    throw new UsageError('sohoa sheets [LIST.csv] --out SHEETS.pdf [--separators N]');
  }
  const [list] = positionals;
  const { entries, problems } = list
    ? readPreparedList(await readTableFile(await readFile(list)))
    : { entries: [], problems: [] };
  if (problems.length > 0) {
    for (const problem of problems)
      context.io.stderr.write(`✗ ${list}: ${listProblemText(context.t, problem)}\n`);
    return EXIT.invalidInput;
  }
  if (entries.length + separators === 0)
    throw new UsageError('nothing to print: give a LIST or --separators N');

  await logIn(context, { username: values.user, passwordEnv: values['password-env'] });

  const { prepared, pdf } = await context.station.sheets.print({
    entries,
    separators,
    ...(values.department ? { departmentCode: values.department } : {}),
  });
  await writeFile(values.out, pdf);
  const summary = { out: values.out, coverSheets: prepared.length, separatorSheets: separators, prepared };
  if (values.json) context.io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else
    context.io.stdout.write(
      `${values.out}: ${context.t('cli.sheetsPrinted', { covers: prepared.length, separators })}\n`,
    );
  return EXIT.ok;
}

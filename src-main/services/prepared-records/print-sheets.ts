import type { PreparedFields, PreparedRecord } from '../../../src-shared/capture/prepared-record';
import type { Procedure } from '../../../src-shared/domain/procedure-catalogue';
import type { StationSettings } from '../../../src-shared/domain/settings';
import { sheetsPdf, type PrintedSheet } from '../../reports/sheets-pdf';
import type { PreparedRecordService } from './prepared-record-service';

interface SheetDeps {
  preparedRecords: PreparedRecordService;
  settings: () => StationSettings;
  procedures: () => readonly Procedure[];
}

/** What printing sheets reads, from the station's services. */
export const sheetDepsOf = (services: {
  preparedRecords: PreparedRecordService;
  settings: { get(): StationSettings };
  procedures: { list(): readonly Procedure[] };
}): SheetDeps => ({
  preparedRecords: services.preparedRecords,
  settings: () => services.settings.get(),
  procedures: () => services.procedures.list(),
});

/** The PDF of cover sheets for `records`, then `separators` separator sheets, headed by the agency. */
export function sheetsPdfFor(
  deps: Omit<SheetDeps, 'preparedRecords'>,
  records: readonly PreparedRecord[],
  separators: number,
): Promise<Uint8Array> {
  const names = new Map(deps.procedures().map((procedure) => [procedure.code, procedure.name]));
  const sheets: PrintedSheet[] = [
    ...records.map((record): PrintedSheet => {
      const procedureName = record.fields.procedureCode ? names.get(record.fields.procedureCode) : undefined;
      return { kind: 'cover', record, ...(procedureName ? { procedureName } : {}) };
    }),
    ...Array.from({ length: separators }, (): PrintedSheet => ({ kind: 'separator' })),
  ];
  const settings = deps.settings();
  return sheetsPdf(sheets, {
    agencyName: settings.agencyName,
    ...(settings.stationName
      ? { stationName: `Trạm ${settings.stationNumber} – ${settings.stationName}` }
      : {}),
  });
}

/**
 * Cover sheets for `entries` (each a new prepared record) followed by `separators` generic
 * separator sheets, as one PDF to print; what the app's screen and `sohoa sheets` both do.
 */
export async function printSheets(
  deps: SheetDeps,
  request: {
    entries: readonly PreparedFields[];
    separators: number;
    userName: string;
    departmentCode?: string;
  },
): Promise<{ prepared: PreparedRecord[]; pdf: Uint8Array }> {
  const prepared = deps.preparedRecords.prepare(request.entries, {
    userName: request.userName,
    ...(request.departmentCode ? { departmentCode: request.departmentCode } : {}),
  });
  return { prepared, pdf: await sheetsPdfFor(deps, prepared, request.separators) };
}

/** The demo archive's box: the last cover sheets printed (a box of separators before any print). */
export async function printedBox(deps: SheetDeps) {
  const covers = deps.preparedRecords.latestPrint();
  return {
    id: covers[0] ? `${covers[0].preparedAt}:${covers[0].reference}` : 'none',
    covers: covers.map((record) => record.reference),
    pdf: await sheetsPdfFor(deps, covers, 1),
  };
}

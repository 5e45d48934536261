import type { PreparedFields, PreparedRecord } from '../../../src-shared/capture/prepared-record';
import type { Procedure } from '../../../src-shared/domain/procedure-catalogue';
import type { StationSettings } from '../../../src-shared/domain/settings';
import { sheetsPdf, type PrintedSheet } from '../../reports/sheets-pdf';
import type { PreparedRecordService } from './prepared-record-service';

/**
 * Cover sheets for `entries` (each a new prepared record) followed by `separators` generic
 * separator sheets, as one PDF to print; what the app's screen and `sohoa sheets` both do.
 */
export async function printSheets(
  deps: {
    preparedRecords: PreparedRecordService;
    settings: () => StationSettings;
    procedures: () => readonly Procedure[];
  },
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
  const names = new Map(deps.procedures().map((procedure) => [procedure.code, procedure.name]));
  const sheets: PrintedSheet[] = [
    ...prepared.map((record): PrintedSheet => {
      const procedureName = record.fields.procedureCode ? names.get(record.fields.procedureCode) : undefined;
      return { kind: 'cover', record, ...(procedureName ? { procedureName } : {}) };
    }),
    ...Array.from({ length: request.separators }, (): PrintedSheet => ({ kind: 'separator' })),
  ];
  const settings = deps.settings();
  const pdf = await sheetsPdf(sheets, {
    agencyName: settings.agencyName,
    ...(settings.stationName
      ? { stationName: `Trạm ${settings.stationNumber} – ${settings.stationName}` }
      : {}),
  });
  return { prepared, pdf };
}

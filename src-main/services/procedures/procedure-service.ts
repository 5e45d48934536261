import { z } from 'zod';
import {
  parseProcedureCsv,
  procedureSchema,
  SEED_PROCEDURES,
  type CsvProblem,
  type Procedure,
} from '../../../src-shared/domain/procedure-catalogue';
import { AppError } from '../../../src-shared/errors/app-error';
import type { JsonStore } from '../store/json-store';

/** Null until an administrator changes something: until then the seed is the catalogue. */
export const proceduresDocumentSchema = z.object({
  procedures: z.array(procedureSchema).nullable().default(null),
});
type Document = z.infer<typeof proceduresDocumentSchema>;

const byCode = (a: Procedure, b: Procedure) => a.code.localeCompare(b.code);

/** The procedure catalogue: seeded, edited by the administrator, importable from CSV. */
export function createProcedureService(store: JsonStore<Document>) {
  const list = (): Procedure[] => [...(store.read().procedures ?? SEED_PROCEDURES)].sort(byCode);
  const write = (procedures: Procedure[]) => store.write({ procedures: procedures.sort(byCode) });

  return {
    list,
    /** Adds the procedure or replaces the one with its code (`previousCode` when the code changes). */
    save(procedure: Procedure, previousCode?: string): Procedure {
      const others = list().filter((each) => each.code !== (previousCode ?? procedure.code));
      if (others.some((each) => each.code === procedure.code)) {
        throw new AppError('procedures.codeTaken', { params: { code: procedure.code } });
      }
      write([...others, procedure]);
      return procedure;
    },
    remove(code: string): void {
      const procedures = list();
      if (!procedures.some((each) => each.code === code))
        throw new AppError('procedures.notFound', { detail: code });
      write(procedures.filter((each) => each.code !== code));
    },
    /** Adds or replaces each good line by its code; bad lines are reported and skipped. */
    importCsv(csv: string): { imported: number; problems: CsvProblem[] } {
      const { procedures, problems } = parseProcedureCsv(csv);
      const merged = new Map(list().map((each) => [each.code, each]));
      for (const procedure of procedures) merged.set(procedure.code, procedure);
      if (procedures.length > 0) write([...merged.values()]);
      return { imported: procedures.length, problems };
    },
  };
}

export type ProcedureService = ReturnType<typeof createProcedureService>;

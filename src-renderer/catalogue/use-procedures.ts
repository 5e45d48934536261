import { useCallback, useEffect, useState } from 'react';
import type { Procedure } from '../../src-shared/domain/procedure-catalogue';
import { station } from '../station/station';

/** The station's procedure catalogue, from main; `reload` after an edit. */
export function useProcedures() {
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const reload = useCallback(() => station.procedures.list({}).then(setProcedures, () => undefined), []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { procedures, reload };
}

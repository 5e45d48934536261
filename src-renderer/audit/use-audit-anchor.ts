import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '../db/database';
import { station } from '../station/station';

/**
 * Tells main the trail's newest entry whenever it changes, so that main, outside IndexedDB,
 * can witness an entry cut from the end. Mounted once, in the shell; a failed call is
 * simply made again with the next entry.
 */
export function useAuditAnchor(): void {
  const last = useLiveQuery(() => db.audit.orderBy('seq').last());
  useEffect(() => {
    if (last) void station.audit.anchor({ seq: last.seq, hash: last.hash }).catch(() => undefined);
  }, [last]);
}

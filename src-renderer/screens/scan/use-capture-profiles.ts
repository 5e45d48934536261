import { useCallback, useEffect, useState } from 'react';
import type { CaptureProfile } from '../../../src-shared/capture/capture-profile';
import { db } from '../../db/database';
import { station } from '../../station/station';

const SELECTED_KEY = 'capture.profile';

/** The station's capture profiles and the one this station last used (kept across reloads). */
export function useCaptureProfiles(onError: (error: unknown) => void) {
  const [profiles, setProfiles] = useState<CaptureProfile[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const reload = useCallback(() => station.profiles.list({}).then(setProfiles, onError), [onError]);
  useEffect(() => {
    void reload();
    void db.meta.get(SELECTED_KEY).then((row) => setSelectedId((row?.value as string | undefined) ?? null));
  }, [reload]);

  const select = useCallback((id: string | null) => {
    setSelectedId(id);
    void (id ? db.meta.put({ key: SELECTED_KEY, value: id }) : db.meta.delete(SELECTED_KEY));
  }, []);

  const selected = profiles.find((profile) => profile.id === selectedId) ?? null;
  return { profiles, selected, select, reload };
}

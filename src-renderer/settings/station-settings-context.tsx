import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SettingsPatch, StationSettings } from '../../src-shared/domain/settings';
import { appendAudit } from '../audit/audit-log';
import { station } from '../station/station';

interface StationSettingsApi {
  settings: StationSettings | null;
  /** An admin's change: saved by main, written to the audit trail, then shown everywhere. */
  save(patch: SettingsPatch): Promise<StationSettings>;
}

const StationSettingsContext = createContext<StationSettingsApi>({
  settings: null,
  save: () => Promise.reject(new Error('StationSettingsProvider missing')),
});

/** The sections a patch touched, before and after: what the audit entry keeps. */
const sections = (settings: StationSettings | null, keys: readonly string[]) =>
  settings ? Object.fromEntries(keys.map((key) => [key, settings[key as keyof StationSettings]])) : null;

export const useStationSettings = (): StationSettingsApi => useContext(StationSettingsContext);

/** Settings live in main (settings.json); this holds the copy the signed-in user last read. */
export function StationSettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<StationSettings | null>(null);
  const save = useCallback(async (patch: SettingsPatch) => {
    const before = await station.settings.get({});
    const next = await station.settings.update(patch);
    const keys = Object.keys(patch);
    await appendAudit('settings', { before: sections(before, keys), after: sections(next, keys) });
    setSettings(next);
    return next;
  }, []);
  useEffect(() => {
    station.settings.get({}).then(setSettings, () => setSettings(null));
  }, []);
  return (
    <StationSettingsContext.Provider value={{ settings, save }}>{children}</StationSettingsContext.Provider>
  );
}

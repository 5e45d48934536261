import { z } from 'zod';
import {
  stationSettingsSchema,
  type SettingsPatch,
  type StationSettings,
} from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors/app-error';
import { centralUrlProblem } from '../../../src-shared/central/central-tls';
import type { JsonStore } from '../store/json-store';

export type SettingsService = ReturnType<typeof createSettingsService>;

export function createSettingsService(store: JsonStore<StationSettings>) {
  return {
    get: (): StationSettings => store.read(),

    /** Replaces the sections present in the patch; the result is validated as a whole. */
    update(patch: SettingsPatch): StationSettings {
      // A Central address that would send personal data in clear is refused when it is set (an
      // older settings file that holds one still loads: the sync client refuses to use it).
      if (patch.centralUrl && centralUrlProblem(patch.centralUrl) === 'notHttps') {
        throw new AppError('sync.insecureUrl', { detail: patch.centralUrl });
      }
      const merged = stationSettingsSchema.safeParse({ ...store.read(), ...patch });
      if (!merged.success) {
        throw new AppError('settings.invalid', { detail: z.prettifyError(merged.error) });
      }
      store.write(merged.data);
      return merged.data;
    },
  };
}

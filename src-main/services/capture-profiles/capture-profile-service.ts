import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { captureProfileSchema, type CaptureProfile } from '../../../src-shared/capture/capture-profile';
import { AppError } from '../../../src-shared/errors/app-error';
import type { JsonStore } from '../store/json-store';

export const captureProfilesDocumentSchema = z.object({
  profiles: z.array(captureProfileSchema).default([]),
});
type Document = z.infer<typeof captureProfilesDocumentSchema>;

/** The station's capture profiles, in the conf store beside settings; names are unique. */
export function createCaptureProfileService(deps: {
  store: JsonStore<Document>;
  departmentCodes: () => readonly string[];
}) {
  const list = (): CaptureProfile[] =>
    [...deps.store.read().profiles].sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  return {
    list,

    /** Creates the profile (no id) or replaces the one with its id. */
    save(input: Omit<CaptureProfile, 'id'> & { id?: string }): CaptureProfile {
      const profile = captureProfileSchema.parse({ ...input, id: input.id ?? randomUUID() });
      if (profile.departmentCode && !deps.departmentCodes().includes(profile.departmentCode)) {
        throw new AppError('settings.invalid', { detail: `unknown department ${profile.departmentCode}` });
      }
      const profiles = deps.store.read().profiles;
      const clash = profiles.find(
        (other) =>
          other.id !== profile.id &&
          other.name.toLocaleLowerCase('vi') === profile.name.toLocaleLowerCase('vi'),
      );
      if (clash) throw new AppError('profiles.nameTaken', { params: { name: profile.name } });
      if (input.id && !profiles.some((other) => other.id === input.id)) {
        throw new AppError('profiles.notFound', { detail: input.id });
      }
      deps.store.write({
        profiles: [...profiles.filter((other) => other.id !== profile.id), profile],
      });
      return profile;
    },

    remove(id: string): void {
      const profiles = deps.store.read().profiles;
      if (!profiles.some((profile) => profile.id === id))
        throw new AppError('profiles.notFound', { detail: id });
      deps.store.write({ profiles: profiles.filter((profile) => profile.id !== id) });
    },
  };
}

export type CaptureProfileService = ReturnType<typeof createCaptureProfileService>;

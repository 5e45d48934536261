import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, makeBackend } from '../../support/backend';

describe('station settings', () => {
  let backend: ReturnType<typeof makeBackend>;
  afterEach(() => backend.dir.remove());

  it('starts from the documented defaults', () => {
    backend = makeBackend();
    const settings = backend.services.settings.get();
    expect(settings).toMatchObject({
      stationNumber: '001',
      agencyId: '',
      centralUrl: '',
      security: { maxFailedLogins: 5, lockoutMinutes: 5, idleTimeoutMinutes: 15 },
    });
    expect(settings.departments.length).toBeGreaterThan(0);
  });

  it('updates only the sections sent, through the admin channel', async () => {
    backend = makeBackend();
    await backend.call('w', 'auth.setupAdmin', ADMIN);
    await backend.call('w', 'settings.update', {
      security: { maxFailedLogins: 7, lockoutMinutes: 10, idleTimeoutMinutes: 30 },
    });
    const reply = await backend.call('w', 'settings.update', {
      stationNumber: '012',
      agencyId: '000.00.12.h20',
    });
    expect(reply).toMatchObject({
      ok: true,
      value: {
        stationNumber: '012',
        agencyId: '000.00.12.H20',
        security: { maxFailedLogins: 7, lockoutMinutes: 10, idleTimeoutMinutes: 30 },
      },
    });
  });

  it('refuses invalid values and keeps what was saved', async () => {
    backend = makeBackend();
    await backend.call('w', 'auth.setupAdmin', ADMIN);
    for (const patch of [
      { agencyId: '12.H20' },
      { stationNumber: '1a' },
      { centralUrl: 'ftp://kho.example' },
      {
        departments: [
          { code: 'VP', name: 'A' },
          { code: 'VP', name: 'B' },
        ],
      },
      { security: { maxFailedLogins: 0, lockoutMinutes: 5, idleTimeoutMinutes: 15 } },
    ]) {
      const reply = await backend.call('w', 'settings.update', patch);
      expect(reply.ok, JSON.stringify(patch)).toBe(false);
    }
    expect(backend.services.settings.get().stationNumber).toBe('001');
  });

  it('reports an unreadable settings file instead of silently replacing it', () => {
    backend = makeBackend();
    backend.services.settings.update({ stationNumber: '042' });
    const path = join(backend.dir.path, 'settings.json');
    writeFileSync(path, JSON.stringify({ stationNumber: 42 }));
    expect(() => backend.services.settings.get()).toThrow(
      expect.objectContaining({ code: 'storage.unreadable' }),
    );
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify({ stationNumber: 42 }));
  });
});

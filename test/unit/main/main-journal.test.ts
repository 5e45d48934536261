import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src-main/ipc/create-backend';
import type { JournalEntry } from '../../../src-shared/audit/journal-entry';
import { ADMIN, makeBackend, valueOf } from '../../support/backend';

describe("main's journal of its own changes, for the audit trail", () => {
  let backend: ReturnType<typeof makeBackend>;
  afterEach(() => backend.dir.remove());
  const journal = async () => valueOf<JournalEntry[]>(await backend.call('w', 'audit.journal', {}));

  it('journals what the admin changes through any binding, in their name, until the trail confirms it', async () => {
    backend = makeBackend();
    await backend.call('w', 'auth.setupAdmin', ADMIN);
    await backend.call('w', 'users.create', {
      username: 'vanthu',
      displayName: 'Trần Thị Thư',
      password: 'Vanthu2026',
      roles: ['clerk'],
    });
    await backend.call('w', 'settings.update', { stationNumber: '012' });
    await backend.call('w', 'procedures.delete', { code: '2.000286' });
    const pending = await journal();
    expect(pending.map((entry) => [entry.seq, entry.userName, entry.after])).toEqual([
      [
        1,
        ADMIN.displayName,
        { account: ADMIN.username, change: 'created', roles: ['admin'], disabled: false },
      ],
      [2, ADMIN.displayName, { account: 'vanthu', change: 'created', roles: ['clerk'], disabled: false }],
      [3, ADMIN.displayName, { stationNumber: '012' }],
      [4, ADMIN.displayName, null],
    ]);
    expect(pending[2]!.before).toEqual({ stationNumber: '001' });
    expect(pending[3]!.before).toMatchObject({ procedure: { code: '2.000286' } });
    expect(new Set(pending.map((entry) => entry.journal)).size).toBe(1);
    // Owner-only, like the accounts.
    expect(statSync(join(backend.dir.path, 'journal.json')).mode & 0o777).toBe(0o600);

    // Confirmed up to 2: those leave, the rest wait; a later change numbers on.
    await backend.call('w', 'audit.journalConfirm', { seq: 2 });
    await backend.call('w', 'settings.update', { stationNumber: '013' });
    const left = await journal();
    expect(left.map((entry) => entry.seq)).toEqual([3, 4, 5]);

    // Another process on the same folder (the CLI) sees and adds to the same journal.
    const cli = createBackend({ dataDir: backend.dir.path, binding: 'cli' });
    const login = await cli.registry.invoke(
      'auth.login',
      { username: ADMIN.username, password: ADMIN.password },
      { sessionKey: 'cli' },
    );
    expect(login.ok).toBe(true);
    const users = valueOf<{ id: string; username: string }[]>(
      await cli.registry.invoke('users.list', {}, { sessionKey: 'cli' }),
    );
    const clerk = users.find((user) => user.username === 'vanthu')!;
    valueOf(
      await cli.registry.invoke('users.update', { userId: clerk.id, disabled: true }, { sessionKey: 'cli' }),
    );
    const all = await journal();
    expect(all.map((entry) => entry.seq)).toEqual([3, 4, 5, 6]);
  });

  it('is read by signed-in users only, and journals nothing for a refused change', async () => {
    backend = makeBackend();
    expect(await backend.call('w', 'audit.journal', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
    await backend.call('w', 'auth.setupAdmin', ADMIN);
    await backend.call('w', 'audit.journalConfirm', { seq: 1 });
    const weak = { username: 'xx', displayName: 'X', password: 'weak', roles: ['clerk'] };
    expect(await backend.call('w', 'users.create', weak)).toMatchObject({ ok: false });
    expect(await journal()).toEqual([]);
  });
});

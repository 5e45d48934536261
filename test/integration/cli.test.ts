import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStationServices } from '../../src-main/services/station-services';
import { ADMIN } from '../support/backend';
import { requireBuild, ROOT } from '../support/built-app';
import { runSohoa } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

const version = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

describe('sohoa command line', () => {
  const dir = makeTempDir('sohoa-cli-');
  const adminEnv = { ADMIN_PW: ADMIN.password, NEW_PW: 'Vanthu2026' };
  const asAdmin = ['--admin', ADMIN.username, '--admin-password-env', 'ADMIN_PW'];

  beforeAll(async () => {
    requireBuild();
    // The app's first run made the administrator; the CLI works on the same data folder.
    await createStationServices({ dataDir: dir.path }).accounts.setupAdmin(ADMIN);
  });
  afterAll(() => dir.remove());

  it('prints its version, plain and as JSON', async () => {
    expect(await runSohoa(['--version'], { dataDir: dir.path })).toMatchObject({
      code: 0,
      stdout: `${version}\n`,
    });
    const json = await runSohoa(['--version', '--json'], { dataDir: dir.path });
    expect(JSON.parse(json.stdout)).toEqual({ name: 'Trạm số hóa', version });
  });

  it('answers --help for every command, touching no data folder', async () => {
    const untouched = join(dir.path, 'never-made');
    for (const command of [
      'users',
      'devices',
      'scan',
      'import',
      'watch',
      'ocr',
      'code',
      'pdf',
      'sign',
      'verify',
      'backup',
      'sheets',
      'restore',
    ]) {
      for (const flag of ['--help', '-h']) {
        const help = await runSohoa([command, flag], { dataDir: untouched });
        expect(help, `${command} ${flag}`).toMatchObject({ code: 0, stderr: '' });
        expect(help.stdout, command).toContain(`sohoa ${command}`);
      }
    }
    expect(existsSync(untouched)).toBe(false);
    expect(await runSohoa(['frobnicate', '--help'], { dataDir: untouched })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "frobnicate"'),
    });
  });

  it('creates a clerk as the administrator and lists users as JSON', async () => {
    const created = await runSohoa(
      [
        'users',
        'create',
        '--username',
        'vanthu',
        '--name',
        'Trần Thị Thư',
        '--role',
        'clerk',
        '--password-env',
        'NEW_PW',
        ...asAdmin,
      ],
      { dataDir: dir.path, env: adminEnv },
    );
    expect(created).toMatchObject({ code: 0, stdout: 'Đã tạo tài khoản vanthu.\n' });

    const list = await runSohoa(['users', 'list', '--json', ...asAdmin], {
      dataDir: dir.path,
      env: adminEnv,
    });
    expect(list.code).toBe(0);
    const users = JSON.parse(list.stdout) as { username: string; displayName: string; roles: string[] }[];
    expect(users.map(({ username, displayName, roles }) => ({ username, displayName, roles }))).toEqual([
      { username: 'quantri', displayName: ADMIN.displayName, roles: ['admin'] },
      { username: 'vanthu', displayName: 'Trần Thị Thư', roles: ['clerk'] },
    ]);
    expect(list.stdout).not.toMatch(/passwordHash/);
  });

  it("keeps the data folder its owner's only: folders 0700, accounts and logs 0600", async () => {
    // As an older version left them: open to every user of the PC.
    chmodSync(dir.path, 0o755);
    chmodSync(join(dir.path, 'accounts.json'), 0o644);
    const wrong = await runSohoa(
      ['users', 'list', '--admin', ADMIN.username, '--admin-password-env', 'NO_PW'],
      {
        dataDir: dir.path,
        env: { NO_PW: 'not-the-password' },
      },
    );
    expect(wrong.code).toBe(3);
    const created = await runSohoa(
      [
        'users',
        'create',
        '--username',
        'kiemtra',
        '--name',
        'Kiểm Tra',
        '--role',
        'clerk',
        '--password-env',
        'NEW_PW',
        ...asAdmin,
      ],
      { dataDir: dir.path, env: adminEnv },
    );
    expect(created.code).toBe(0);
    const modeOf = (path: string) => statSync(path).mode & 0o777;
    expect(modeOf(dir.path)).toBe(0o700);
    expect(modeOf(join(dir.path, 'accounts.json'))).toBe(0o600);
    expect(modeOf(join(dir.path, 'logs'))).toBe(0o700);
    const logs = readdirSync(join(dir.path, 'logs'));
    expect(logs.length).toBeGreaterThan(0);
    for (const log of logs) expect(modeOf(join(dir.path, 'logs', log))).toBe(0o600);
  });

  it('reads prompted passwords from a pipe, asking twice for a new one', async () => {
    const reset = await runSohoa(['users', 'reset', 'vanthu', '--admin', ADMIN.username], {
      dataDir: dir.path,
      input: `${ADMIN.password}\nMoi2026abc\nMoi2026abc\n`,
    });
    expect(reset).toMatchObject({ code: 0, stdout: 'Đã đặt lại mật khẩu cho vanthu.\n' });
    const mismatch = await runSohoa(['users', 'reset', 'vanthu', '--admin', ADMIN.username], {
      dataDir: dir.path,
      input: `${ADMIN.password}\nMoi2026abc\nKhac2026abc\n`,
    });
    expect(mismatch).toMatchObject({ code: 2, stderr: 'Hai mật khẩu không khớp.\n' });
  });

  it('refuses a clerk with exit code 4, enforced by main', async () => {
    const result = await runSohoa(['users', 'list', '--admin', 'vanthu', '--admin-password-env', 'PW'], {
      dataDir: dir.path,
      env: { PW: 'Moi2026abc' },
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('Tài khoản của bạn không có quyền thực hiện thao tác này. [auth.forbidden]\n');
  });

  it('exits 3 on a wrong password, with the message in English when asked', async () => {
    const result = await runSohoa(
      ['users', 'list', '--json', '--admin', ADMIN.username, '--admin-password-env', 'PW'],
      {
        dataDir: dir.path,
        env: { PW: 'sai-mat-khau-9', SOHOA_LANG: 'en' },
      },
    );
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stderr)).toMatchObject({
      error: { code: 'auth.invalidCredentials', message: 'Wrong username or password.' },
    });
  });

  it('exits 5 on invalid input and 2 on a usage error', async () => {
    const weak = await runSohoa(
      [
        'users',
        'create',
        '--username',
        'yeu',
        '--name',
        'Yếu',
        '--role',
        'clerk',
        '--password-env',
        'WEAK',
        ...asAdmin,
      ],
      { dataDir: dir.path, env: { ...adminEnv, WEAK: 'short' } },
    );
    expect(weak.code).toBe(5);
    expect(weak.stderr).toMatch(/\[users\.weakPassword\]/);
    expect((await runSohoa(['users', 'create', '--role', 'clerk'], { dataDir: dir.path })).code).toBe(2);
    expect((await runSohoa(['users', 'create', '--bogus'], { dataDir: dir.path })).code).toBe(2);
    expect((await runSohoa(['frobnicate'], { dataDir: dir.path })).code).toBe(2);
  });

  it('lists, checks and restores a backup on a new PC, where nobody can log in yet', async () => {
    const usb = makeTempDir('sohoa-cli-usb-');
    const newPc = makeTempDir('sohoa-cli-new-');
    try {
      // The app wrote this backup (here: its main half with an empty queue, as a new station has).
      const services = createStationServices({ dataDir: dir.path });
      services.settings.update({
        backup: { folder: usb.path, intervalHours: 0, afterSigning: false, keep: 5 },
      });
      await services.backup.setPassphrase('cụm từ khôi phục dài');
      const { sessionId } = await services.backup.begin('manual');
      const snapshot = await services.backup.commit(sessionId, {
        schemaVersion: 9,
        tables: {},
        blobs: [],
        counts: { records: 0, pages: 0 },
      });
      const env = { PASS: 'cụm từ khôi phục dài', WRONG: 'một cụm từ khác hẳn' };

      const list = await runSohoa(['backup', 'list', '--from', usb.path, '--passphrase-env', 'PASS'], {
        dataDir: newPc.path,
        env,
      });
      expect(list).toMatchObject({ code: 0, stderr: '' });
      expect(list.stdout).toContain(snapshot.id);
      const wrong = await runSohoa(['backup', 'verify', '--from', usb.path, '--passphrase-env', 'WRONG'], {
        dataDir: newPc.path,
        env,
      });
      expect(wrong).toMatchObject({
        code: 3,
        stderr: expect.stringContaining('Mật khẩu khôi phục không đúng'),
      });
      const verified = await runSohoa(
        ['backup', 'verify', '--from', usb.path, '--passphrase-env', 'PASS', '--json'],
        {
          dataDir: newPc.path,
          env,
        },
      );
      expect(JSON.parse(verified.stdout)).toMatchObject({ snapshot: { id: snapshot.id }, pieces: 1 });

      const restored = await runSohoa(['restore', '--from', usb.path, '--passphrase-env', 'PASS'], {
        dataDir: newPc.path,
        env,
      });
      expect(restored).toMatchObject({ code: 0, stderr: '' });
      expect(restored.stdout).toContain(`Đã khôi phục bản sao lưu ${snapshot.id}`);
      // The old station's administrator exists on the new PC, with the same password.
      const status = await runSohoa(['backup', 'status', ...asAdmin], { dataDir: newPc.path, env: adminEnv });
      expect(status).toMatchObject({ code: 0 });
      expect(status.stdout).toContain('✓');
      expect(existsSync(join(newPc.path, 'restore', 'pending.json'))).toBe(true);
    } finally {
      usb.remove();
      newPc.remove();
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { CaptureProfile } from '../../../src-shared/capture/capture-profile';
import { backendWithClerk, valueOf } from '../../support/backend';

const value = valueOf;

const PROFILE = {
  name: 'Giấy phép lao động – khay nạp 300 dpi',
  deviceId: 'demo:standard',
  source: 'adf',
  dpi: 300,
  mode: 'color',
  blankPolicy: 'separator',
  departmentCode: 'VLATLD',
  procedureCode: '1.000459',
};

describe('capture profiles through the IPC registry', () => {
  it('lets an admin set profiles up and a clerk only pick them', async () => {
    const backend = await backendWithClerk();
    try {
      const { call } = backend;

      const saved = value<CaptureProfile>(await call('admin', 'profiles.save', PROFILE));
      expect(saved).toMatchObject({ ...PROFILE, id: expect.any(String) });
      expect(value(await call('clerk', 'profiles.list', {}))).toEqual([saved]);
      expect(await call('clerk', 'profiles.save', { ...PROFILE, name: 'Của tôi' })).toMatchObject({
        ok: false,
        error: { code: 'auth.forbidden' },
      });
      expect(await call('clerk', 'profiles.delete', { id: saved.id })).toMatchObject({
        ok: false,
        error: { code: 'auth.forbidden' },
      });

      // Names are unique whatever their case; departments must exist; codes have their shape.
      expect(
        await call('admin', 'profiles.save', { ...PROFILE, name: 'GIẤY PHÉP LAO ĐỘNG – KHAY NẠP 300 DPI' }),
      ).toMatchObject({ ok: false, error: { code: 'profiles.nameTaken' } });
      expect(
        await call('admin', 'profiles.save', { ...PROFILE, name: 'Khác', departmentCode: 'KHONGCO' }),
      ).toMatchObject({ ok: false, error: { code: 'settings.invalid' } });
      expect(
        await call('admin', 'profiles.save', { ...PROFILE, name: 'Khác', procedureCode: '3.12' }),
      ).toMatchObject({ ok: false, error: { code: 'ipc.invalidRequest' } });

      const renamed = value<CaptureProfile>(
        await call('admin', 'profiles.save', { ...saved, name: 'GPLĐ', dpi: 200 }),
      );
      expect(renamed).toMatchObject({ id: saved.id, name: 'GPLĐ', dpi: 200 });
      expect(value<CaptureProfile[]>(await call('clerk', 'profiles.list', {}))).toHaveLength(1);
      value(await call('admin', 'profiles.delete', { id: saved.id }));
      expect(value(await call('clerk', 'profiles.list', {}))).toEqual([]);
      expect(await call('admin', 'profiles.delete', { id: saved.id })).toMatchObject({
        ok: false,
        error: { code: 'profiles.notFound' },
      });
    } finally {
      backend.dir.remove();
    }
  });
});

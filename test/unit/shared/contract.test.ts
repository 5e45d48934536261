import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES, messageKeyOf } from '../../../src-shared/errors/app-error';
import { en } from '../../../src-shared/i18n/en';
import { vi } from '../../../src-shared/i18n/vi';
import { CHANNEL_NAMES, contract } from '../../../src-shared/ipc/contract';
import { buildStationBridge, createStationClient } from '../../../src-shared/ipc/station-api';

const lookup = (messages: object, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

describe('IPC contract', () => {
  it('names every channel <area>.<action> and declares schemas and access', () => {
    for (const name of CHANNEL_NAMES) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      const spec = contract[name];
      expect(spec.request).toBeInstanceOf(z.ZodType);
      expect(spec.response).toBeInstanceOf(z.ZodType);
      expect(spec.access === 'public' || spec.access === 'authenticated' || Array.isArray(spec.access)).toBe(
        true,
      );
    }
  });

  it('keeps admin-only channels admin-only', () => {
    for (const name of [
      'users.list',
      'users.create',
      'users.resetPassword',
      'users.update',
      'settings.update',
    ] as const) {
      expect(contract[name].access).toEqual(['admin']);
    }
  });

  it('has a Vietnamese and an English message for every error code', () => {
    for (const code of ERROR_CODES) {
      expect(typeof lookup(vi, messageKeyOf(code)), code).toBe('string');
      expect(typeof lookup(en, messageKeyOf(code)), code).toBe('string');
    }
  });

  it('builds window.station from the table and turns error envelopes into AppErrors', async () => {
    const calls: string[] = [];
    const bridge = buildStationBridge(async (name, request) => {
      calls.push(name);
      return name === 'auth.login'
        ? {
            ok: false,
            error: { code: 'auth.lockedOut', messageKey: 'errors.auth.lockedOut', params: { minutes: 5 } },
          }
        : { ok: true, value: { echo: request } };
    });
    expect(Object.keys(bridge).sort()).toEqual([
      'app',
      'audit',
      'auth',
      'backup',
      'capture',
      'finalize',
      'inventory',
      'ocr',
      'procedures',
      'profiles',
      'reports',
      'review',
      'settings',
      'sheets',
      'signing',
      'sync',
      'transfer',
      'users',
    ]);
    const client = createStationClient(bridge);
    await expect(client.settings.get({})).resolves.toEqual({ echo: {} });
    await expect(client.auth.login({ username: 'a', password: 'b' })).rejects.toMatchObject({
      name: 'AppError',
      code: 'auth.lockedOut',
      messageKey: 'errors.auth.lockedOut',
      params: { minutes: 5 },
    });
    expect(calls).toEqual(['settings.get', 'auth.login']);
  });
});

import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureStep } from '../../../src-shared/capture/capture-run';
import { ADMIN, CLERK, makeBackend, backendWithClerk, valueOf } from '../../support/backend';
import { ADF_COLOR, requireSaneTestBackend, testDriver } from '../../support/sane';

type Backend = ReturnType<typeof makeBackend>;
const value = valueOf;
type ScanStep = Exclude<CaptureStep, { kind: 'original' }>;

describe('capture runs through the IPC registry, on the SANE test device', () => {
  let backend: Backend;
  beforeAll(requireSaneTestBackend);
  afterEach(() => backend?.dir.remove());

  async function asClerk(inject?: string, extra?: string[]) {
    backend = await backendWithClerk({ drivers: [testDriver(inject, extra)] });
    return backend;
  }
  const next = async (runId: string, confirmed: number | null, session = 'clerk') =>
    value<ScanStep>(await backend.call(session, 'capture.next', { runId, confirmed }));
  const runsDir = () => join(backend.dir.path, 'capture', 'runs');

  it('delivers a 10-sheet batch page by page, each page confirmed before the next', async () => {
    const { call } = await asClerk();
    expect(value<{ id: string }[]>(await call('clerk', 'capture.devices', {})).map((d) => d.id)).toContain(
      'sane:test:0',
    );
    const { runId } = value<{ runId: string }>(await call('clerk', 'capture.start', ADF_COLOR));

    const sequences: number[] = [];
    let confirmed: number | null = null;
    for (;;) {
      const step = await next(runId, confirmed);
      if (step.kind === 'end') {
        expect(step).toEqual({ kind: 'end', pages: 10, failure: null });
        break;
      }
      const image = Buffer.from(step.page.image);
      expect(createHash('sha256').update(image).digest('hex')).toBe(step.page.sha256);
      expect(await sharp(image).metadata()).toMatchObject({ format: 'jpeg', density: 100 });
      sequences.push(step.page.sequence);
      confirmed = step.page.sequence;
    }
    expect(sequences).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Nothing left in main once every page is confirmed.
    expect(readdirSync(runsDir())).toEqual([]);
  });

  it('hands out an unconfirmed page again after a renderer reload', async () => {
    const { call } = await asClerk();
    const { runId } = value<{ runId: string }>(
      await call('clerk', 'capture.start', { ...ADF_COLOR, maxPages: 3 }),
    );
    const first = await next(runId, null);
    const second = await next(runId, 1);
    // The renderer reloads before storing page 2, so it asks again confirming nothing new.
    const again = await next(runId, null);
    expect(first.kind === 'page' && first.page.sequence).toBe(1);
    expect(second.kind === 'page' && again.kind === 'page' && again.page.sha256 === second.page.sha256).toBe(
      true,
    );
    const third = await next(runId, 2);
    expect(third.kind === 'page' && third.page.sequence).toBe(3);
    expect(await next(runId, 3)).toEqual({ kind: 'end', pages: 3, failure: null });
  });

  it('ends a jammed run with the typed failure', async () => {
    const { call } = await asClerk('SANE_STATUS_JAMMED');
    const { runId } = value<{ runId: string }>(await call('clerk', 'capture.start', ADF_COLOR));
    expect(await next(runId, null)).toMatchObject({
      kind: 'end',
      pages: 0,
      failure: { code: 'capture.paperJam' },
    });
  });

  it('keeps a run to the user who started it, and scanning to clerks and admins', async () => {
    const { call } = await asClerk();
    const { runId } = value<{ runId: string }>(
      await call('clerk', 'capture.start', { ...ADF_COLOR, maxPages: 1 }),
    );
    await call('other-window', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(await call('other-window', 'capture.next', { runId, confirmed: null })).toMatchObject({
      ok: false,
      error: { code: 'capture.unknownRun' },
    });
    await call('admin', 'users.create', { ...CLERK, username: 'nguoiduyet', roles: ['supervisor'] });
    await call('s2', 'auth.login', { username: 'nguoiduyet', password: CLERK.password });
    expect(await call('s2', 'capture.start', ADF_COLOR)).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    expect(await next(runId, null)).toMatchObject({ kind: 'page' });
  });

  it('stops the scanner on cancel and still delivers the pages already processed', async () => {
    const { call } = await asClerk(undefined, ['--read-delay=yes', '--read-delay-duration', '20000']);
    const { runId } = value<{ runId: string }>(await call('clerk', 'capture.start', ADF_COLOR));
    const first = await next(runId, null);
    expect(first).toMatchObject({ kind: 'page', page: { sequence: 1 } });
    value(await call('clerk', 'capture.cancel', { runId }));
    let confirmed = 1;
    let step = await next(runId, confirmed);
    while (step.kind === 'page') {
      confirmed = step.page.sequence;
      step = await next(runId, confirmed);
    }
    expect(step.failure?.code).toBe('capture.cancelled');
    expect(step.pages).toBeLessThan(10);
  });

  it('still hands out unconfirmed pages after main restarts, from the run folder on disk', async () => {
    const { call, dir } = await asClerk();
    const { runId } = value<{ runId: string }>(
      await call('clerk', 'capture.start', { ...ADF_COLOR, maxPages: 3 }),
    );
    const first = await next(runId, null);
    expect(first).toMatchObject({ kind: 'page', page: { sequence: 1 } });
    await expect.poll(() => readdirSync(join(runsDir(), runId)).includes('end.json')).toBe(true);
    // A crash before the end was written: the restarted main says the run was interrupted.
    rmSync(join(runsDir(), runId, 'end.json'));

    backend = makeBackend({ drivers: [testDriver()], dir });
    value(await backend.call('clerk', 'auth.login', { username: CLERK.username, password: CLERK.password }));
    expect(value(await backend.call('clerk', 'capture.runs', {}))).toEqual([
      expect.objectContaining({ runId, kind: 'scan', pending: 3, ended: true }),
    ]);
    const again = await next(runId, null);
    expect(again.kind === 'page' && first.kind === 'page' && again.page.sha256 === first.page.sha256).toBe(
      true,
    );
    expect(await next(runId, 1)).toMatchObject({ kind: 'page', page: { sequence: 2 } });
    expect(await next(runId, 2)).toMatchObject({ kind: 'page', page: { sequence: 3 } });
    expect(await next(runId, 3)).toMatchObject({ kind: 'end', failure: { code: 'capture.interrupted' } });
    expect(readdirSync(runsDir())).toEqual([]);
  });
});

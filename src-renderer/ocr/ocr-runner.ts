import { useEffect } from 'react';
import { AppError } from '../../src-shared/errors/app-error';
import { isCapturing } from '../capture/capture-runs';
import { db } from '../db/database';
import type { PageRow } from '../db/rows';
import { refreshRecordTerms } from '../search/record-terms';
import { station } from '../station/station';

/** Pages sent to main at once: enough to keep a worker busy while the next page travels. */
const IN_FLIGHT = 2;
const IDLE_POLL_MS = 2000;

/** Failures worth trying again later rather than marking the page failed. */
const isTransient = (error: unknown) =>
  error instanceof AppError && (error.code === 'ipc.disconnected' || error.code.startsWith('auth.'));

/** OCRs one page and stores what was read; the page's status says it is done only then. */
async function recognize(page: PageRow): Promise<void> {
  const image = new Uint8Array(await page.image.arrayBuffer());
  try {
    const result = await station.ocr.page({ image });
    await db.transaction('rw', db.pages, db.pageTexts, async () => {
      if (!(await db.pages.get(page.id))) return; // Deleted while it was read.
      await db.pageTexts.put({ pageId: page.id, ...result });
      await db.pages.update(page.id, { ocrStatus: 'done' });
    });
    await refreshRecordTerms(page.recordId);
  } catch (error) {
    if (isTransient(error)) throw error;
    const data = (
      error instanceof AppError ? error : new AppError('internal', { detail: String(error) })
    ).toData();
    await db.transaction('rw', db.pages, db.pageTexts, async () => {
      if (!(await db.pages.get(page.id))) return;
      await db.pageTexts.put({ pageId: page.id, error: data });
      await db.pages.update(page.id, { ocrStatus: 'failed' });
    });
  }
}

/**
 * While someone who indexes is signed in, OCRs pages whose OCR is pending, in the
 * background, a few at a time, pausing while a capture run is being stored. The queue is the pages' status in IndexedDB, so a crash or
 * a restart resumes where it stopped; capture and the UI never wait for it.
 */
export function useOcrRunner(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    const busy = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const pump = async () => {
      if (stopped) return;
      // Capture comes first: no new page is read while a scan or an import is being stored.
      if (isCapturing()) {
        timer = setTimeout(() => void pump(), IDLE_POLL_MS);
        return;
      }
      const pending = await db.pages
        .where('ocrStatus')
        .equals('pending')
        .filter((page) => !busy.has(page.id))
        .limit(IN_FLIGHT - busy.size)
        .toArray();
      if (pending.length === 0) {
        if (busy.size === 0) timer = setTimeout(() => void pump(), IDLE_POLL_MS);
        return;
      }
      for (const page of pending) {
        busy.add(page.id);
        void recognize(page).then(
          () => {
            busy.delete(page.id);
            void pump();
          },
          () => {
            // Offline or signed out: leave the page pending and look again later.
            busy.delete(page.id);
            clearTimeout(timer);
            timer = setTimeout(() => void pump(), IDLE_POLL_MS);
          },
        );
      }
    };
    void pump();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [enabled]);
}

/** Puts pages whose OCR failed back in the queue (after the cause was fixed, or to try again). */
export async function retryOcr(pages: readonly PageRow[]): Promise<void> {
  await db.pages.bulkUpdate(
    pages.map((page) => ({ key: page.id, changes: { ocrStatus: 'pending' as const } })),
  );
}

/** Pages still waiting for OCR, for the status bar. */
export const pendingOcrCount = () => db.pages.where('ocrStatus').equals('pending').count();

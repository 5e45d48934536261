import { useEffect } from 'react';
import { station } from '../station/station';
import { bindingForRun, drainRun, isDraining } from './capture-runs';

const POLL_MS = 3000;

/**
 * While a user who captures is signed in, takes what the hot folder brought in: each file's
 * run drains into a record of its own, shown in the capture list. Failures are left to the
 * hot folder's `failed/` folder and reason file; the next poll retries a lost connection.
 */
export function useHotFolderRunner(userId: string | null) {
  useEffect(() => {
    if (!userId) return;
    let polling = false;
    const poll = async () => {
      if (polling) return;
      polling = true;
      try {
        for (const run of await station.capture.runs({})) {
          if (run.kind !== 'hotFolder' || isDraining(run.runId)) continue;
          void drainRun(run.runId, await bindingForRun(run, userId)).catch(() => undefined);
        }
      } catch {
        // Offline or signed out meanwhile: the next poll tries again.
      } finally {
        polling = false;
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [userId]);
}

import { useEffect } from 'react';
import { runPolicyOf, type RunPolicy } from '../../src-shared/capture/capture-profile';
import { station } from '../station/station';
import { bindingForRun, drainRun, isDraining } from './capture-runs';

/** How hot-folder files are cut and filed: by the profile the settings name for them. */
async function hotFolderPolicy(): Promise<RunPolicy> {
  const { capture } = await station.settings.get({});
  const profiles = capture.hotFolderProfileId ? await station.profiles.list({}) : [];
  const profile = profiles.find((each) => each.id === capture.hotFolderProfileId);
  return runPolicyOf(profile, { keepSheets: capture.keepSheetPages });
}

const POLL_MS = 3000;

/**
 * While a user who captures is signed in, takes what the hot folder brought in: each file's
 * run drains into a record of its own (cut further by its sheets, as the hot folder's profile
 * says), shown in the capture list. Failures are left to the
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
        const waiting = (await station.capture.runs({})).filter(
          (run) => run.kind === 'hotFolder' && !isDraining(run.runId),
        );
        const policy = waiting.length > 0 ? await hotFolderPolicy() : undefined;
        for (const run of waiting) {
          void drainRun(run.runId, await bindingForRun(run, userId, policy)).catch(() => undefined);
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

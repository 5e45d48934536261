import { useEffect, useState } from 'react';
import type { ScanProgress } from '../../src-shared/capture/capture-run';
import { station } from '../station/station';

/** Often enough for a bar that moves as the page goes through; main answers from memory. */
const ASK_MS = 500;

/** How far the scanner has read the page it is on, while the run `runId` scans; else null. */
export function useScanProgress(runId: string | null): ScanProgress | null {
  // Kept with the run it belongs to: a new run never shows the last one's page.
  const [heard, setHeard] = useState<{ runId: string; reading: ScanProgress | null } | null>(null);
  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    const ask = () =>
      station.capture.runs({}).then(
        (runs) => {
          if (!stopped)
            setHeard({ runId, reading: runs.find((run) => run.runId === runId)?.reading ?? null });
        },
        // A missed answer leaves the bar where it was; the run's own end says what went wrong.
        () => undefined,
      );
    void ask();
    const timer = setInterval(() => void ask(), ASK_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [runId]);
  return heard && heard.runId === runId ? heard.reading : null;
}

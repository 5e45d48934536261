import type { ScanProgress } from '../../../src-shared/capture/capture-run';

/**
 * What scanimage says on stderr of the page it reads: "Scanning page 3" as a page starts
 * (batch mode), then "Progress: 41.7%" rewritten in place with a carriage return as it goes.
 */
const PROGRESS_SAYING = String.raw`Progress: (\d+(?:\.\d+)?)%\r`;
const SAYS = new RegExp(String.raw`Scanning page (\d+)\n|` + PROGRESS_SAYING, 'g');
const PROGRESS = new RegExp(PROGRESS_SAYING, 'g');
/** Longer than any one of the sayings above: a saying cut between two chunks is kept whole. */
const CARRY = 40;

/**
 * Follows scanimage's stderr, chunk by chunk, and tells `onProgress` each time the page or
 * its percentage changes.
 */
export function saneProgressReader(onProgress: (progress: ScanProgress) => void): (chunk: string) => void {
  let unread = '';
  let progress: ScanProgress | null = null;
  return (chunk) => {
    unread += chunk;
    let consumed = 0;
    let next = progress;
    for (const match of unread.matchAll(SAYS)) {
      consumed = match.index + match[0].length;
      if (match[1]) next = { page: Number(match[1]), percent: 0 };
      else if (next) next = { ...next, percent: Math.min(100, Number(match[2])) };
    }
    unread = unread.slice(Math.max(consumed, unread.length - CARRY));
    if (next && (next.page !== progress?.page || next.percent !== progress.percent)) {
      progress = next;
      onProgress(next);
    }
  };
}

/** scanimage's stderr without its progress, which it rewrites in place on one line: its words. */
export const withoutProgress = (stderr: string): string => stderr.replace(PROGRESS, '');

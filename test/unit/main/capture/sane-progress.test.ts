import { describe, expect, it } from 'vitest';
import type { ScanProgress } from '../../../../src-shared/capture/capture-run';
import { saneProgressReader, withoutProgress } from '../../../../src-main/capture/sane/sane-progress';

const follow = (chunks: string[]) => {
  const told: ScanProgress[] = [];
  const read = saneProgressReader((progress) => told.push(progress));
  for (const chunk of chunks) read(chunk);
  return told;
};

describe('saneProgressReader', () => {
  // What a chunk says last is what is told: a page that ended within it is past.
  it('follows the pages of a batch, telling where each chunk leaves the scanner', () => {
    expect(
      follow([
        'Scanning -1 pages, incrementing by 1, numbering from 1\nScanning page 1\n',
        'Progress: 12.5%\rProgress: 60.0%\r',
        'Progress: 100.0%\rScanned page 1. (scanner status = 5)\nScanning page 2\nProgress: 3.1%\r',
      ]),
    ).toEqual([
      { page: 1, percent: 0 },
      { page: 1, percent: 60 },
      { page: 2, percent: 3.1 },
    ]);
  });

  it('reads a saying cut between two chunks, and tells nothing twice', () => {
    expect(follow(['Scanning pa', 'ge 7\nProgr', 'ess: 4', '0.0%\rProgress: 40.0%\r'])).toEqual([
      { page: 7, percent: 0 },
      { page: 7, percent: 40 },
    ]);
  });

  it('tells nothing before a page has started, nor for other words', () => {
    expect(follow(['Progress: 50.0%\r', 'scanimage: sane_read: Document feeder jammed\n'])).toEqual([]);
  });

  it('leaves scanimage’s words when its progress is taken out', () => {
    expect(
      withoutProgress(
        'Scanning page 2\nProgress: 12.5%\rProgress: 100.0%\rscanimage: sane_read: Document feeder jammed\n',
      ),
    ).toBe('Scanning page 2\nscanimage: sane_read: Document feeder jammed\n');
  });
});

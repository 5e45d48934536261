import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CapturedOriginal, CapturedPage, CaptureRunKind } from '../../../src-shared/capture/capture-run';
import type { AppErrorData } from '../../../src-shared/errors/app-error';

/**
 * A capture run on disk, so that no processed page is lost when main crashes or restarts
 * before the renderer has stored it:
 *
 *   <root>/<runId>/run.json                who may take it, what it is
 *   <root>/<runId>/<seq>.json              an item's facts, written last (its marker)
 *   <root>/<runId>/<seq>.image|.thumb|.pdf its bytes
 *   <root>/<runId>/end.json                how the source ended
 *
 * An item is deleted once the renderer confirms it is in IndexedDB.
 */
export interface RunMeta {
  runId: string;
  kind: CaptureRunKind;
  /** The user who may take the run; null: any user allowed to capture (the hot folder). */
  owner: string | null;
  label: string;
  startedAt: number;
}

export type PageFacts = Omit<CapturedPage, 'image' | 'thumbnail'>;
export type OriginalFacts = Omit<CapturedOriginal, 'data'>;
export type ItemFacts = ({ kind: 'page' } & PageFacts) | ({ kind: 'original' } & OriginalFacts);
export interface RunEnd {
  failure: AppErrorData | null;
}

const pad = (sequence: number) => String(sequence).padStart(6, '0');

async function writeAtomically(path: string, content: string | Buffer): Promise<void> {
  await writeFile(`${path}.tmp`, content);
  await rename(`${path}.tmp`, path);
}

export function runDirectory(dir: string) {
  const file = (sequence: number, extension: string) => join(dir, `${pad(sequence)}.${extension}`);
  return {
    dir,
    async create(meta: RunMeta): Promise<void> {
      await mkdir(dir, { recursive: true });
      await writeAtomically(join(dir, 'run.json'), JSON.stringify(meta));
    },
    async writePage(facts: PageFacts, image: Buffer, thumbnail: Buffer): Promise<void> {
      await Promise.all([
        writeFile(file(facts.sequence, 'image'), image),
        writeFile(file(facts.sequence, 'thumb'), thumbnail),
      ]);
      await writeAtomically(file(facts.sequence, 'json'), JSON.stringify({ kind: 'page', ...facts }));
    },
    async writeOriginal(facts: OriginalFacts, source: string): Promise<void> {
      await copyFile(source, file(facts.sequence, 'pdf'));
      await writeAtomically(file(facts.sequence, 'json'), JSON.stringify({ kind: 'original', ...facts }));
    },
    async readItem(sequence: number) {
      const facts = JSON.parse(await readFile(file(sequence, 'json'), 'utf8')) as ItemFacts;
      if (facts.kind === 'original') {
        return { kind: 'original' as const, facts, data: await readFile(file(sequence, 'pdf')) };
      }
      const [image, thumbnail] = await Promise.all([
        readFile(file(sequence, 'image')),
        readFile(file(sequence, 'thumb')),
      ]);
      return { kind: 'page' as const, facts, image, thumbnail };
    },
    async removeItem(sequence: number): Promise<void> {
      // The marker first: a crash halfway leaves only orphan bytes, never a half item.
      await rm(file(sequence, 'json'), { force: true });
      await Promise.all(['image', 'thumb', 'pdf'].map((ext) => rm(file(sequence, ext), { force: true })));
    },
    writeEnd: (end: RunEnd) => writeAtomically(join(dir, 'end.json'), JSON.stringify(end)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export type RunDirectory = ReturnType<typeof runDirectory>;

/** What a run folder holds after a restart: its meta, end (if it ended) and pending items. */
export async function loadRunDirectory(
  dir: string,
): Promise<{ meta: RunMeta; end: RunEnd | null; pending: number[] } | null> {
  let meta: RunMeta;
  try {
    meta = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')) as RunMeta;
  } catch {
    return null; // Created but never described: nothing was captured into it.
  }
  const names = await readdir(dir);
  const pending = names
    .filter((name) => /^\d{6}\.json$/.test(name))
    .map((name) => Number(name.slice(0, 6)))
    .sort((a, b) => a - b);
  let end: RunEnd | null = null;
  if (names.includes('end.json')) end = JSON.parse(await readFile(join(dir, 'end.json'), 'utf8')) as RunEnd;
  return { meta, end, pending };
}

import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  separationStep,
  type SeparationPage,
  type SeparationPolicy,
  type SeparationState,
} from '../../src-shared/capture/stack-separation';

/** Written beside the pages, replaced atomically after every page. */
export const MANIFEST_FILE = 'manifest.json';

export async function writeAtomically(path: string, content: string): Promise<void> {
  await writeFile(`${path}.tmp`, content);
  await rename(`${path}.tmp`, path);
}

/** What a record's folder holds: its cover, the fields the cover gave it, its pages and originals. */
export interface StackRecord<Page, Original> {
  folder: string;
  /** The cover sheet it was scanned after, by its reference. */
  cover: string | null;
  /** The cover's prepared fields (for a signed-in user; else empty). */
  fields: Record<string, unknown>;
  pages: Page[];
  originals: Original[];
}

const folderName = (index: number) => `record-${String(index).padStart(3, '0')}`;

/**
 * A stack cut into one folder per record under `outDir` (`record-001`, …), as the app cuts
 * it into records: at cover and separator sheets (left out unless kept), and at blank fronts
 * when the policy says so. Each folder has its own manifest, rewritten after every page, so a
 * scan cut off midway leaves every page received filed and listed. What the CLI's `scan` and
 * `import` write.
 */
export function createStackFolders<Page extends { file: string }, Original extends { file: string }>(input: {
  outDir: string;
  policy: SeparationPolicy;
  /** The fields a cover gives its record, or null when the cover is not known here. */
  coverFields?: (reference: string) => Promise<Record<string, unknown> | null>;
}) {
  const records: StackRecord<Page, Original>[] = [];
  let state: SeparationState & SeparationPolicy = { ...input.policy };

  async function save(record: StackRecord<Page, Original>) {
    await writeAtomically(
      join(input.outDir, record.folder, MANIFEST_FILE),
      `${JSON.stringify(record, null, 2)}\n`,
    );
  }

  /** The record the next kept item goes into: a new one after a sheet, unless the last is still empty. */
  async function current(): Promise<StackRecord<Page, Original>> {
    let record = records.at(-1);
    const empty = record && record.pages.length === 0 && record.originals.length === 0;
    if (!record || (state.separatorSeen && !empty)) {
      record = { folder: folderName(records.length + 1), cover: null, fields: {}, pages: [], originals: [] };
      records.push(record);
      await mkdir(join(input.outDir, record.folder), { recursive: true });
    }
    if (state.separatorSeen && state.cover) {
      record.cover = state.cover;
      record.fields = (await input.coverFields?.(state.cover)) ?? {};
    }
    state = { ...state, separatorSeen: false, cover: undefined };
    return record;
  }

  return {
    records,

    /** A new file of the stack: its first page is a sheet's front. */
    startFile() {
      state = { ...state, dropSequence: undefined };
    },

    /**
     * Files a page: `write` puts it into the folder given and says how it is listed. Returns
     * the record's folder, or null for a sheet left out.
     */
    async addPage(page: SeparationPage, write: (dir: string) => Promise<Page>): Promise<string | null> {
      const step = separationStep(state, page);
      state = step.state;
      if (step.skip) return null;
      const record = await current();
      record.pages.push(await write(join(input.outDir, record.folder)));
      await save(record);
      return record.folder;
    },

    /** Files a born-digital original with the record its pages go to. */
    async addOriginal(write: (dir: string) => Promise<Original>): Promise<string> {
      const record = await current();
      record.originals.push(await write(join(input.outDir, record.folder)));
      await save(record);
      return record.folder;
    },

    /** The records as the run's manifest lists them. */
    summary() {
      return records.map(({ folder, cover, fields, pages, originals }) => ({
        folder,
        cover,
        fields,
        pages: pages.length,
        originals: originals.length,
      }));
    },
  };
}

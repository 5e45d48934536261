import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeparationPolicy } from '../../../src-shared/capture/stack-separation';
import type { CaptureSettings } from '../../../src-shared/domain/settings';
import { createStackFolders } from '../stack-folders';
import { importFiles, type ImportedFile } from './import-files';

type Page = ImportedFile['pages'][number];
type Original = NonNullable<ImportedFile['original']>;

/** An imported file as the manifest lists it: each page with the record folder it went to (none for a sheet). */
export type StackedFile = Omit<ImportedFile, 'pages'> & { pages: (Page & { record: string | null })[] };

/**
 * Imports files as one stack, in the order given, cut into one folder per record under
 * `outDir` as the app cuts it (cover and separator sheets, blank fronts when the policy says
 * so; each file starts on a sheet's front). Files are first imported whole into a scratch
 * folder (a bad file leaves nothing), then their items are filed.
 */
export async function importStack(input: {
  paths: readonly string[];
  outDir: string;
  settings: CaptureSettings;
  policy: SeparationPolicy;
  coverFields?: (reference: string) => Promise<Record<string, unknown> | null>;
  onFile?: (file: ImportedFile) => void;
}) {
  const { outDir } = input;
  await mkdir(outDir, { recursive: true });
  const staging = await mkdtemp(join(outDir, '.staging-'));
  try {
    const imported = await importFiles({
      paths: input.paths,
      outDir: staging,
      settings: input.settings,
      ...(input.onFile ? { onFile: input.onFile } : {}),
    });
    const stack = createStackFolders<Page, Original>({
      outDir,
      policy: input.policy,
      ...(input.coverFields ? { coverFields: input.coverFields } : {}),
    });
    const move =
      <T extends { file: string }>(item: T) =>
      async (dir: string) => {
        await rename(join(staging, item.file), join(dir, item.file));
        return item;
      };
    const files: StackedFile[] = [];
    for (const file of imported) {
      stack.startFile();
      const original = file.original ? await stack.addOriginal(move(file.original)) : null;
      const pages: StackedFile['pages'] = [];
      for (const page of file.pages) {
        const record = await stack.addPage(page, move(page));
        pages.push({ ...page, record, file: record ? `${record}/${page.file}` : page.file });
      }
      files.push({
        ...file,
        pages,
        ...(file.original && original
          ? { original: { ...file.original, file: `${original}/${file.original.file}` } }
          : {}),
      });
    }
    return { files, records: stack.summary() };
  } finally {
    // Sheets left out are not kept.
    await rm(staging, { recursive: true, force: true });
  }
}

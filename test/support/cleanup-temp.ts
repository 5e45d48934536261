import { afterAll } from 'vitest';
import { removeLeftoverTempDirs } from './temp-dir';

// Run by vitest before every test file (vitest.config.ts setupFiles): after the file's own
// hooks have stopped its processes, nothing it made stays in the temp folder.
afterAll(() => removeLeftoverTempDirs());

// Central and the PDF worker run from source through tsx, whose compile cache would stay in
// the temp folder (tsx-0); this file's processes and the ones they start compile afresh.
process.env.TSX_DISABLE_CACHE = '1';

import { afterAll } from 'vitest';
import { removeLeftoverTempDirs } from './temp-dir';

// Run by vitest before every test file (vitest.config.ts setupFiles): after the file's own
// hooks have stopped its processes, nothing it made stays in the temp folder.
afterAll(() => removeLeftoverTempDirs());

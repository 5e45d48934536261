import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The layers of DESIGN.md: src-shared runs everywhere and imports none of the others.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**', '**/src-server/**'],
              message: 'src-shared imports nothing of the other layers',
            },
            {
              group: ['node:*', 'electron', 'dexie', 'react', 'react-dom'],
              message: 'src-shared has no Node, Electron or DOM dependencies',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '**/src-server/**', 'node:*', 'electron'],
              message: 'the renderer reaches main only through window.station',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-renderer/**', '**/src-server/**'], message: 'main imports src-shared only' },
          ],
        },
      ],
    },
  },
  {
    // Central shares the domain (src-shared) and the one PAdES verifier with the station:
    // src-main/signing and the asset lookup are plain Node, no Electron. Nothing else of main.
    files: ['src-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-renderer/**', 'electron'], message: 'Central runs under plain Node' },
            {
              regex: 'src-main/(?!signing/|platform/asset-path$)',
              message: 'Central imports src-shared, and of main only the signature verifier',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);

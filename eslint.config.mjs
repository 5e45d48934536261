import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers (VS Code style): each folder imports only the layers listed for it. src-shared
 * runs everywhere (no Node, Electron or DOM); src-node is plain Node shared by main and
 * Central (the PAdES verifier, the record's XMP, asset paths); the renderer reaches main
 * only through window.station.
 */
const LAYERS = {
  'src-shared': { imports: [], forbid: ['node:*', 'electron', 'dexie', 'react', 'react-dom'] },
  'src-node': { imports: ['src-shared'], forbid: ['electron', 'dexie', 'react', 'react-dom'] },
  'src-main': { imports: ['src-shared', 'src-node'], forbid: ['dexie', 'react', 'react-dom'] },
  'src-web': { imports: ['src-shared'], forbid: ['node:*', 'electron', 'dexie'] },
  'src-renderer': { imports: ['src-shared', 'src-web'], forbid: ['node:*', 'electron'] },
  'src-console': { imports: ['src-shared', 'src-web'], forbid: ['node:*', 'electron', 'dexie'] },
  'src-server': { imports: ['src-shared', 'src-node'], forbid: ['electron', 'dexie', 'react', 'react-dom'] },
};

/** Inside src-shared, from the bottom up: a folder imports only the folders of the rows below its own. */
const SHARED_LAYERS = [
  ['encoding', 'errors', 'i18n'],
  ['domain'],
  ['capture', 'indexing', 'ocr', 'audit', 'sync'],
  ['stats', 'review'],
  ['central'],
  ['ipc'],
];

function restriction(patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

function layerRules() {
  const rules = [];
  for (const [layer, { imports, forbid }] of Object.entries(LAYERS)) {
    const others = Object.keys(LAYERS).filter((other) => other !== layer && !imports.includes(other));
    const patterns = [
      {
        group: others.map((other) => `**/${other}/**`),
        message: `${layer} imports only ${imports.join(', ') || 'itself'}`,
      },
      { group: forbid, message: `${layer} does not depend on ${forbid.join(', ')}` },
    ];
    if (layer !== 'src-shared') {
      rules.push({ files: [`${layer}/**/*.{ts,tsx}`], rules: restriction(patterns) });
      continue;
    }
    SHARED_LAYERS.forEach((row, level) => {
      const above = SHARED_LAYERS.slice(level + 1).flat();
      for (const folder of row) {
        const siblings = row.filter((other) => other !== folder);
        const higher = [...above, ...(level === 0 ? siblings : [])];
        rules.push({
          files: [`src-shared/${folder}/**/*.ts`],
          rules: restriction([
            ...patterns,
            ...(higher.length
              ? [
                  {
                    group: higher.map((other) => `../${other}/*`),
                    message: `src-shared/${folder} imports only the layers below it`,
                  },
                ]
              : []),
          ]),
        });
      }
    });
  }
  return rules;
}

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
    files: ['{src-renderer,src-web,src-console}/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...layerRules(),
  {
    files: ['bin/**', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);

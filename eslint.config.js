import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, bottom to top (README, "Architecture"). A folder may import its own
 * layer's files and any layer below it, never one above; features sit side by side and do
 * not import each other, except where `FEATURE_USES` says so.
 */
const LAYERS = [
  ['shared'],
  ['report-model'],
  ['engine'],
  ['table', 'filters', 'charts', 'export', 'conversation', 'billing'],
  ['report-page'],
  ['app'],
];
/** Feature → the features it builds on (billing's charts reuse the chart parts and the CSV writer). */
const FEATURE_USES = { billing: ['charts', 'export'] };
/** MSW mocks sit beside the app: they read the catalog and the wire format, and only main.tsx loads them. */
const MOCKS_USE = ['shared', 'report-model'];

function layerZones() {
  const zones = [];
  const all = LAYERS.flat();
  LAYERS.forEach((layer, level) => {
    const above = LAYERS.slice(level + 1).flat();
    for (const folder of layer) {
      const siblings = layer.filter(
        (f) => f !== folder && !(FEATURE_USES[folder] ?? []).includes(f),
      );
      const from = [...above, ...siblings, 'mocks'];
      zones.push({
        target: `./src/${folder}`,
        from: from.map((f) => `./src/${f}`).concat('./src/main.tsx'),
        message: `src/${folder} is below these in the layers (see README, "Architecture"): move the shared part down instead.`,
      });
    }
  });
  zones.push({
    target: './src/mocks',
    from: all.filter((f) => !MOCKS_USE.includes(f)).map((f) => `./src/${f}`),
    message:
      'The mocks copy the real API: they may read the catalog and the wire format, nothing of the UI.',
  });
  zones.push({
    target: './src',
    from: './server',
    message: 'The app runs in the browser: it never imports the production server.',
  });
  zones.push({
    target: './src/billing/model',
    from: './src/billing/ui',
    message: 'The pricing model does not know its UI.',
  });
  return zones;
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'public/mockServiceWorker.js',
      'bench-results',
      'test-results',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Providers export their hook beside them on purpose; fast refresh then reloads the file.
      'react-refresh/only-export-components': 'off',
      // We do not run the React Compiler; TanStack Virtual is used as documented.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The architecture, kept: no import runs up a layer, and no import cycle.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      // no-cycle follows imports into other files: it must parse them as TypeScript.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The production server reads the wire format (src/report-model/wire) and the catalog (to
    // build the compact form of a stored closed period), nothing of the UI.
    files: ['server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './server',
              from: './src',
              except: ['./report-model/wire', './report-model/catalog.ts'],
              message:
                'server/ may import src/report-model/wire and catalog.ts only, nothing of the UI layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

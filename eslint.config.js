import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/*
 * The layers (docs/architecture.md): the pure domain (dialogs/domain, dialogs/french) imports no Bot Framework,
 * no storage, no server, no committee tool; storage reads the domain (the field registry, the status rules)
 * but no dialog, no server, no committee tool; and no module imports itself back through others.
 */
const BOT_FRAMEWORK = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
  message: 'The domain is pure: no Bot Framework here (docs/architecture.md, "Layers").',
};
const OUTER_LAYERS = (layer) => ({
  group: ['**/storage/**', '**/bot/**', '**/committee/**'].filter((group) => !group.includes(layer ?? '\0')),
  message: 'A lower layer does not import an upper one (docs/architecture.md, "Layers").',
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are TypeScript too: parsed as such, or no-cycle cannot follow them.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['dialogs/domain/**/*.ts', 'dialogs/french/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [BOT_FRAMEWORK, OUTER_LAYERS()] }],
    },
  },
  {
    files: ['storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/dialogs/*', '!**/dialogs/domain'],
              message:
                'Storage knows records, not dialogs: only dialogs/domain (docs/architecture.md, "Layers").',
            },
            { group: ['**/bot/**', '**/committee/**'], message: OUTER_LAYERS('storage').message },
          ],
        },
      ],
    },
  },
);

// Lint rules, including the layer boundaries of docs/architecture.md:
// shared imports nothing of the others; the renderer imports no electron,
// node or main code; main and preload never import the renderer.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'fs/promises']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', ...nodeBuiltins],
              message: 'src/shared is pure TypeScript.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared imports none of the other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'The renderer talks to the system only through window.gloss.',
            },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer imports only src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'Nothing imports the renderer.' }] },
      ],
    },
  },
  {
    // The sandboxed preload bundles what it imports: at run time only the
    // contract's names (no zod, no schemas); types from anywhere in shared.
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^zod$|/shared/(?!ipc/names$)',
              allowTypeImports: true,
              message: 'The preload imports only electron and src/shared/ipc/names at run time.',
            },
            { group: ['**/renderer/**'], message: 'Nothing imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/main/handlers.ts',
      'src/main/checked-calls.ts',
      'src/main/dialog-words.ts',
      'src/main/sessions/**',
      'src/main/store/**',
      'src/main/export/**',
      'src/main/import/**',
      'src/main/dialogs.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message: 'Handlers and their modules are plain Node, testable without Electron.',
            },
            { group: ['**/renderer/**'], message: 'Nothing imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts', 'test-support/**/*.ts', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)

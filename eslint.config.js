// Lint rules, including the layer boundaries of docs/architecture.md:
// shared imports nothing of the others; the renderer imports no electron,
// node or main code; main and preload never import the renderer.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'fs/promises']

/** What the whole renderer may not import: the system, main and the preload. */
const rendererLayer = [
  {
    group: ['electron', ...nodeBuiltins],
    message: 'The renderer talks to the system only through window.gloss.',
  },
  {
    group: ['**/main/**', '**/preload/**'],
    message: 'The renderer imports only src/shared.',
  },
]
const noRenderer = {
  group: ['**/renderer/**', '@renderer/*'],
  message: 'Nothing imports the renderer.',
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read files back with JSON.parse and match them with `expect.any()`
    // and spies (`expect(obj.method)`): `any` there is the point. The
    // promise rules stay on everywhere.
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'test-support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
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
              group: ['**/main/**', '**/renderer/**', '**/preload/**', '@renderer/*'],
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
      'no-restricted-imports': ['error', { patterns: rendererLayer }],
    },
  },
  {
    // A feature imports lib/, state/, actions/, i18n/ and the public index of
    // another feature (@renderer/features/<name>), never that feature's modules.
    files: ['src/renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererLayer,
            {
              group: ['../*', '@renderer/features/*/*'],
              message:
                'Import another feature through its index (@renderer/features/<name>), not its modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // The layers under the features: they never import a feature.
    files: ['src/renderer/src/{lib,state,actions,i18n}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererLayer,
            {
              group: ['@renderer/features', '@renderer/features/*', '**/features/**'],
              message: 'lib/, state/, actions/ and i18n/ sit under the features: they import none.',
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
      'no-restricted-imports': ['error', { patterns: [noRenderer] }],
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
            noRenderer,
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
            noRenderer,
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts', 'test-support/**/*.ts', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The specs and the benchmark share test-support/ (harness, seeded input)
    // and never import each other; test-support imports neither.
    files: ['e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bench/**'],
              message: 'e2e shares code with the bench only through test-support/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/e2e/**'],
              message: 'The bench shares code with e2e only through test-support/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test-support/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/e2e/**', '**/bench/**'],
              message: 'test-support/ serves e2e and the bench; it imports neither.',
            },
          ],
        },
      ],
    },
  },
)

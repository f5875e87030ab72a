// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'events', 'stream', 'http', 'https', 'net', 'zlib', 'buffer', 'process'];
const builtins = NODE_BUILTINS.map((name) => ({ group: [name], message: 'Node built-ins are not available in this layer.' }));
/** @param {string} name @param {string} message */
const layer = (name, message) => ({ group: [`**/${name}/**`, `../${name}`, `../../${name}`], message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'test/fixtures/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.config.ts', 'bench/*.mjs', 'scripts/*.mjs', 'scripts/*.d.mts'],
          defaultProject: 'tsconfig.tools.json',
          // The tools above (configs, benchmarks, scripts) outnumber the default of 8.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 32,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  {
    // common/: pure code shared by every process. It imports no other layer, no Electron, no Node, and uses no DOM.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location'],
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'common/ is pure: no Electron.' }],
        patterns: [...builtins, layer('main', 'common/ imports no other layer.'), layer('preload', 'common/ imports no other layer.'), layer('renderer', 'common/ imports no other layer.')],
      }],
    },
  },
  {
    // renderer/: the React shell. Talks to main only through window.wasl.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer never imports Electron: use window.wasl.' }],
        patterns: [
          ...builtins,
          layer('main', 'The renderer imports common/ only.'),
          layer('preload', 'The renderer imports common/ only.'),
          // Their schemas would put zod in the first paint: the shell takes types from them, and LIMITS from common/limits.
          { group: ['**/common/ipc'], message: 'Only types from common/ipc in the renderer (values: common/limits).', allowTypeImports: true },
          { group: ['**/common/settings', '**/common/settings/*'], message: 'Only types from common/settings in the renderer: its settings come from main.', allowTypeImports: true },
        ],
      }],
    },
  },
  {
    // preload/: sandboxed; may use Electron's renderer modules, never Node built-ins, main or the renderer.
    files: ['preload/**/*.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...builtins, layer('main', 'Preloads import common/ only.'), layer('renderer', 'Preloads import common/ only.')],
      }],
    },
  },
  {
    // preload/connectors/: pure DOM code that also runs in a plain browser page: no Electron at all.
    files: ['preload/connectors/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Connectors are plain DOM code.' }],
        patterns: [...builtins, layer('main', 'Connectors import common/ only.'), layer('renderer', 'Connectors import common/ only.')],
      }],
    },
  },
  {
    // main/: Electron appears as types only, except in the composition root; main never imports the UI.
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only main/index.ts loads Electron; take it as a port (types only).', allowTypeImports: true }],
        patterns: [layer('renderer', 'main/ does not import the renderer.'), layer('preload', 'main/ does not import preloads.')],
      }],
    },
  },
  {
    // main/core/: the logic, by feature, written against ports. It imports no Electron (not even types), no
    // adapter, no file I/O and no Node built-in: main/index.ts gives it what it needs.
    files: ['main/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'main/core/ takes Electron as a port: declare what it needs in core, implement it in main/electron/.' }],
        patterns: [
          ...builtins,
          layer('electron', 'main/core/ imports no Electron adapter: take a port.'),
          layer('persistence', 'main/core/ does no file I/O: take a port.'),
          layer('security', 'main/core/ takes the password hasher as a port.'),
          layer('ipc', 'main/core/ knows commands, not IPC plumbing.'),
          layer('renderer', 'main/ does not import the renderer.'),
          layer('preload', 'main/ does not import preloads.'),
        ],
      }],
    },
  },
  {
    // test/ and bench/: never load Electron at run time (the binary is not there); types are fine.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Tests never load Electron at run time: use test/fakes/electron.ts.', allowTypeImports: true }],
      }],
    },
  },
);

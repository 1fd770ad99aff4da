// Lint, including the process boundaries of docs/ARCHITECTURE.md:
//  - shared/ imports no Node, Electron or React (pure code both sides use);
//  - renderer/ never imports electron/ or Node (it goes through the contract);
//  - only electron/main.ts, preload.ts and ipc.ts import the Electron module;
//  - only electron/db/ imports better-sqlite3.
// ESLint's flat config replaces (does not merge) a rule's options when two
// blocks match one file, so each area below gets exactly one complete rule.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))];
const msg = {
  node: 'shared/ and renderer/ must not use Node modules: the renderer is sandboxed and shared/ runs on both sides.',
  electron: 'Only electron/main.ts, preload.ts and ipc.ts may import the Electron module, so the services run on plain Node.',
  sqlite: 'Only electron/db/ may import better-sqlite3: use the Database it hands out.',
  react: 'shared/ is pure TypeScript: no React.',
  mainCode: 'renderer/ must not import main-process code: call it through the contract (shared/api.ts).',
  reports: 'electron/reports/ only renders the view models it is given: loading belongs in electron/services (document-data.ts).',
};

const restrict = ({ node = false, electron = false, sqlite = false, react = false, mainCode = false, reports = false } = {}) => [
  'error',
  {
    paths: [
      ...(node ? nodeBuiltins.map((name) => ({ name, message: msg.node })) : []),
      ...(electron ? [{ name: 'electron', message: msg.electron }] : []),
      ...(sqlite ? [{ name: 'better-sqlite3', message: msg.sqlite }] : []),
      ...(react ? ['react', 'react-dom', 'antd'].map((name) => ({ name, message: msg.react })) : []),
    ],
    patterns: [
      ...(react ? [{ group: ['react/*', 'react-dom/*', 'antd/*', '@ant-design/*'], message: msg.react }] : []),
      ...(mainCode ? [{ group: ['**/electron/**'], message: msg.mainCode }] : []),
      ...(mainCode ? [{ group: ['exceljs', 'docx', '@napi-rs/canvas'], message: msg.mainCode }] : []),
      ...(reports ? [{ group: ['**/db', '**/db/**', '**/services', '**/services/**'], message: msg.reports }] : []),
    ],
  },
];

// A deferred transaction that reads then writes fails at once ("database is locked") when another
// process writes; inTransaction (electron/db/sqlite.ts) begins IMMEDIATE and waits instead.
// What the user is told comes from the one catalogue (shared/messages), not from text written into a service.
const ELECTRON_SYNTAX = [
  { selector: "CallExpression[callee.property.name='transaction']", message: 'Use inTransaction(db, work) from electron/db: it begins IMMEDIATE, so a second writer waits instead of failing.' },
  ...[
    "NewExpression[callee.name='AppError'] > Literal[value=/[\\u4e00-\\u9fff]/]",
    "NewExpression[callee.name='AppError'] > TemplateLiteral > TemplateElement[value.raw=/[\\u4e00-\\u9fff]/]",
    "NewExpression[callee.name='AppError'] Property[key.name='message'] > Literal[value=/[\\u4e00-\\u9fff]/]",
    "NewExpression[callee.name='AppError'] Property[key.name='message'] > TemplateLiteral > TemplateElement[value.raw=/[\\u4e00-\\u9fff]/]",
  ].map((selector) => ({ selector, message: "An AppError message comes from the catalogue: t('error.…', { … }) with the text in shared/messages/zh-CN-*.ts." })),
];

// Any Chinese text written as a string or template literal (comments are free to be Chinese).
const NO_CHINESE_LITERALS = [
  "Literal[value=/[\\u4e00-\\u9fff]/]",
  "TemplateElement[value.raw=/[\\u4e00-\\u9fff]/]",
].map((selector) => ({ selector, message: "Text for people comes from the catalogue: t('area.key', { … }) with the text in shared/messages/zh-CN-*.ts." }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/artifacts/**', 'test/scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  // Everything outside the areas below (tests, build scripts, configs).
  { files: ['**/*.{ts,tsx,js,mjs}'], rules: { 'no-restricted-imports': restrict({ electron: true, sqlite: true }) } },
  { files: ['shared/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict({ node: true, electron: true, sqlite: true, react: true, mainCode: true }) } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict({ node: true, electron: true, sqlite: true, mainCode: true }),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({ electron: true, sqlite: true }),
      // A deferred transaction that reads then writes fails at once ("database is locked") when another
      // process writes; inTransaction (electron/db/sqlite.ts) begins IMMEDIATE and waits instead.
      'no-restricted-syntax': ['error', ...ELECTRON_SYNTAX],
    },
  },
  { files: ['electron/db/**/*.ts'], rules: { 'no-restricted-imports': restrict({ electron: true }) } },
  // Services, the CLI and the shell speak to people only through the catalogue; the documents' prose
  // (electron/reports), the sample data and the frozen migrations are content, not messages.
  {
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts', 'electron/db/**/*.ts', 'electron/*.ts'],
    ignores: ['electron/services/sample.ts', 'electron/db/migrations/**'],
    rules: { 'no-restricted-syntax': ['error', ...ELECTRON_SYNTAX, ...NO_CHINESE_LITERALS] },
  },
  { files: ['electron/reports/**/*.ts'], rules: { 'no-restricted-imports': restrict({ electron: true, sqlite: true, reports: true }) } },
  { files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts'], rules: { 'no-restricted-imports': restrict({ sqlite: true }) } },
);

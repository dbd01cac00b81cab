// Lint rules that keep the layers apart (docs/architecture.md, "Layers"):
//   domain ← db ← activities ← workflows (activity types only) ← api;  admin-ui → domain only.
// Each block below says what a folder may not import; `npm test` runs this and fails on a violation.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (names) =>
  names.map((name) => ({
    group: [`**/${name}/**`, `**/${name}`],
    message: `this layer may not import ${name}/ (docs/architecture.md, "Layers")`,
  }));
const restrict = (patterns, { allowTypeImports = false, paths = [] } = {}) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: patterns.map((p) => ({ ...p, allowTypeImports })), paths },
  ],
});
const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'process',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'zlib',
  'dns',
  'tls',
];
const noNode = nodeBuiltins
  .flatMap((m) => [m, `node:${m}`])
  .map((name) => ({ name, message: 'workflow code is deterministic and bundled: no Node built-ins' }));

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.data/',
      '.tools/',
      'admin-ui/dist/',
      'test/.artifacts/',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // Migrations are frozen in time and take the database as it was then, untyped (kysely's own example).
    files: ['db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['domain/**/*.ts'],
    rules: restrict(
      layer(['db', 'activities', 'workflows', 'api', 'temporal', 'worker', 'scripts', 'admin-ui', 'test']),
      {
        paths: [
          { name: 'kysely', message: 'domain/ holds pure rules: no database access' },
          { name: 'pg' },
          { name: '@temporalio/client' },
          { name: '@temporalio/worker' },
        ],
      },
    ),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict(layer(['activities', 'workflows', 'api', 'temporal', 'worker', 'scripts', 'admin-ui', 'test'])),
  },
  {
    files: ['activities/**/*.ts'],
    rules: restrict(layer(['workflows', 'api', 'temporal', 'worker', 'scripts', 'admin-ui', 'test'])),
  },
  {
    // The payload codec both the API and the worker load: Node crypto on bytes, never bundled into workflows.
    files: ['temporal/**/*.ts'],
    rules: restrict(layer(['db', 'activities', 'workflows', 'api', 'worker', 'scripts', 'admin-ui', 'test'])),
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      ...restrict(layer(['activities', 'db', 'api', 'temporal', 'worker', 'scripts', 'admin-ui', 'test']), {
        allowTypeImports: true,
        paths: [
          ...noNode,
          { name: '@temporalio/client', message: 'workflows talk to Temporal through @temporalio/workflow' },
          { name: '@temporalio/worker' },
          { name: 'kysely' },
          { name: 'pg' },
        ],
      }),
    },
  },
  {
    // The API reaches workflows through their messages (and starts them by type), never their code.
    files: ['api/**/*.ts'],
    rules: restrict(layer(['activities', 'worker', 'scripts', 'admin-ui', 'test']), {
      paths: [
        {
          name: '@temporalio/workflow',
          message: 'the API uses @temporalio/client; workflow code runs only in the worker',
        },
      ],
    }),
  },
  {
    // A ballot's shuffle, keys and receipt codes come from the operating system's CSPRNG (node:crypto): the state
    // of Math.random can be recovered from its outputs, and with it the order ballots were cast in
    // (docs/secrecy.md, "The design").
    files: ['api/**/*.ts', 'activities/**/*.ts', 'domain/**/*.ts', 'temporal/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'use node:crypto (randomInt, randomBytes, randomUUID)' },
      ],
    },
  },
  {
    // The console imports the contract from domain/ (through @domain/*), never the server's runtime configuration.
    files: ['admin-ui/**/*.ts', 'admin-ui/**/*.tsx'],
    rules: restrict([
      ...layer(['db', 'activities', 'workflows', 'api', 'temporal', 'worker', 'scripts', 'test']),
      {
        group: ['**/domain/config', '@domain/config'],
        message: 'domain/config.ts reads the server environment; the console may not import it',
      },
    ]),
  },
);

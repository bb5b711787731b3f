import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['node_modules/', 'dist/', 'var/', '.cache/', '.nx/', '**/generated/', 'bench/results/'] },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      // Apps never import apps; libs never import apps; tests may use libs.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // The one app module tests may read: the gateway's route-policy table (e2e role matrix).
          allow: ['@cashier/gateway/routes'],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'off',
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'No floats near money: use @cashier/money.' }],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use node:crypto (randomInt, randomBytes, randomUUID).' },
        { object: 'Number', property: 'parseFloat', message: 'No floats near money: use @cashier/money.' },
      ],
    },
  },
];

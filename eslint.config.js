// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description', minimumDescriptionLength: 3 }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Inject randomness (random: () => number) instead of Math.random().' },
      ],
    },
  },
  {
    files: ['machines/**/*.ts', 'src/policy/**/*.ts', 'src/classify/**/*.ts', 'src/codes/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use a named XState delay or an injected clock.' }, { name: 'setInterval', message: 'Use a named XState delay or an injected clock.' }, { name: 'WebSocket', message: 'Inject the WebSocket constructor.' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'ws', message: 'machines and pure layers never import ws; inject the constructor.' }] }],
    },
  },
);

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentVariables } from './environment';

const readme = readFileSync(resolve(import.meta.dirname, '../../../../README.md'), 'utf8');

describe("the README's configuration table", () => {
  it.each(environmentVariables.map((variable) => ({ name: variable.name })))('documents $name', ({ name }) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });

  it('gives the two commands a newcomer runs', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toMatch(/^npm test$/m);
  });
});

import { describe, expect, it } from 'vitest';
import { scoreSuitability } from './score-suitability';
import type { SuitabilityCategory, SuitabilityInput } from './suitability-input';

describe('category', () => {
  it.each<{ name: string; input: SuitabilityInput; expected: SuitabilityCategory }>([
    { name: 'a documentation label', input: { title: 'Explain the flags', body: 'See the CLI.', labels: ['documentation'] }, expected: 'content' },
    { name: 'a translation label', input: { title: 'German strings', body: 'Three strings.', labels: ['i18n'] }, expected: 'content' },
    { name: 'a typo in the title', input: { title: 'Typo on the home page', body: 'It says "teh".', labels: [] }, expected: 'content' },
    { name: 'an accessibility label', input: { title: 'Logo', body: 'The logo image.', labels: ['a11y'] }, expected: 'accessibility' },
    {
      name: 'alt text, before documentation',
      input: { title: 'Add alt text to the README images', body: '', labels: ['documentation'] },
      expected: 'accessibility',
    },
    { name: 'a data label', input: { title: 'Opening hours for 2026', body: 'One row a library.', labels: ['data'] }, expected: 'data' },
    { name: 'data entry in the title', input: { title: 'Data entry: add the 2026 opening hours', body: '', labels: [] }, expected: 'data' },
    { name: 'a workshop', input: { title: 'Run a workshop for new translators', body: 'Two hours, online.', labels: [] }, expected: 'training' },
    { name: 'a support label', input: { title: 'Answer the questions in the forum', body: 'This week.', labels: ['support'] }, expected: 'training' },
    { name: 'a bug label', input: { title: 'Totals are wrong', body: 'The sum skips the last row.', labels: ['bug'] }, expected: 'code' },
    { name: 'an error in the title', input: { title: 'Error when saving a draft', body: 'Every time.', labels: [] }, expected: 'code' },
    {
      name: 'a code span in the description',
      input: { title: 'Totals are wrong', body: '`sum()` skips the last row.', labels: [] },
      expected: 'code',
    },
    {
      name: 'a repository language and a description',
      input: { title: 'Totals are wrong', body: 'The last row is skipped.', labels: [], repositoryLanguages: ['Python'] },
      expected: 'code',
    },
    { name: 'nothing to go on', input: { title: 'Totals are wrong', body: '', labels: [] }, expected: 'other' },
    {
      name: 'a label the configuration maps to documentation',
      input: { title: 'Totals are wrong', body: '', labels: ['needs-words'], labelMeanings: { 'Needs-Words': 'documentation' } },
      expected: 'content',
    },
    {
      name: 'docs mentioned once in a bug report',
      input: { title: 'Crash on start', body: 'As the docs say, I ran `app start`.', labels: [] },
      expected: 'code',
    },
  ])('$name: $expected', ({ input, expected }) => {
    expect(scoreSuitability(input).category).toBe(expected);
  });
});

describe('skills', () => {
  it.each<{ name: string; input: SuitabilityInput; expected: string[] }>([
    {
      name: 'code takes the repository languages',
      input: { title: 'Totals are wrong', body: 'Skips a row.', labels: ['bug'], repositoryLanguages: ['Python', 'HTML', 'Shell'] },
      expected: ['Python', 'HTML'],
    },
    {
      name: 'labels name skills',
      input: { title: 'Totals are wrong', body: 'Skips a row.', labels: ['bug', 'lang: TypeScript', 'css'], repositoryLanguages: ['Go'] },
      expected: ['TypeScript', 'CSS', 'Go'],
    },
    {
      name: 'content needs writing, not the languages',
      input: { title: 'Typo in the guide', body: 'Page 2.', labels: [], repositoryLanguages: ['Rust'] },
      expected: ['writing'],
    },
  ])('$name', ({ input, expected }) => {
    expect(scoreSuitability(input).skills).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { hasContributingGuide } from './contributing-guide';

describe('what a newcomer finds to get started', () => {
  it.each([
    { name: 'a CONTRIBUTING file', guide: { hasContributingFile: true, readme: null }, expected: true },
    { name: 'no README and no CONTRIBUTING file', guide: { hasContributingFile: false, readme: null }, expected: false },
    { name: 'a README with a Development heading', guide: { hasContributingFile: false, readme: '# Atlas\n\n## Development\n\nnpm ci' }, expected: true },
    { name: 'a README with a Getting started heading', guide: { hasContributingFile: false, readme: '# Atlas\n### Getting started\n' }, expected: true },
    { name: 'a README with a Setext Installation heading', guide: { hasContributingFile: false, readme: 'Atlas\n=====\n\nInstallation\n------------\n' }, expected: true },
    { name: 'a README that only mentions installing in prose', guide: { hasContributingFile: false, readme: '# Atlas\n\nInstallation is easy, ask us.\n' }, expected: false },
    { name: 'a README without any setup section', guide: { hasContributingFile: false, readme: '# Atlas\n\n## Screenshots\n\n## Licence\n' }, expected: false },
  ])('$name: $expected', ({ guide, expected }) => {
    expect(hasContributingGuide(guide)).toBe(expected);
  });
});

import type { ContributingGuide } from '../ports/forge-port';

/** A README heading that tells a newcomer how to get the project running. */
const SETUP_HEADING =
  /^ {0,3}(?:#{1,6}\s+|)(?:getting started|get started|quick ?start|setup|set up|setting up|install(?:ation|ing)?|development|developing|develop|contributing|how to contribute|build(?:ing)?(?: from source)?|running locally|local development)\b.*$/im;

/** A CONTRIBUTING file, or a README with a setup section: what lets a volunteer start without help. */
export function hasContributingGuide(guide: ContributingGuide): boolean {
  if (guide.hasContributingFile) return true;
  if (guide.readme === null) return false;
  return guide.readme.split('\n').some((line, index, lines) => {
    if (!SETUP_HEADING.test(line)) return false;
    // A Markdown heading (`## Setup`), or a Setext one underlined on the next line.
    return /^ {0,3}#{1,6}\s/.test(line) || /^ {0,3}(=+|-+)\s*$/.test(lines[index + 1] ?? '');
  });
}

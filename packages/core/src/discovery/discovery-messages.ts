import { inlineUntrusted } from '../journey/untrusted-text';
import type { SuitabilityReason } from '../suitability/suitability-input';

/** The words discovery writes on a forge, forge-neutral like the rest of the core's messages. */
export const discoveryMessages = {
  /** The paragraph the status comment of an auto-tagged issue opens with: why, and how to undo. */
  autoTagged(readyLabel: string, score: number, reasons: readonly SuitabilityReason[]): string {
    const why = reasons
      .filter((reason) => reason.points > 0)
      .slice(0, 3)
      .map((reason) => inlineUntrusted(reason.text));
    return [
      `wecena labelled this issue \`${readyLabel}\` on its own: this repository turned on \`autoTag\`, and the issue passes the checklist below with a suitability score of ${score}${why.length > 0 ? ` (${why.join('; ')})` : ''}.`,
      `A maintainer who disagrees can write \`/wecena unready\` (or remove the label): wecena will take the issue off and never tag it again.`,
    ].join(' ');
  },
} as const;

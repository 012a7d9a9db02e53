import { z } from 'zod';
import { Id, Text } from './primitives';

/** A suggestion that this consultant take this task, with what the score is made of. */
export const PairingProposal = z.object({
  consultantId: Id,
  taskId: Id,
  /** Higher is better; only comparable between proposals of the same pairing run. */
  score: z.int(),
  /** Human-readable, shown to the consultant and the maintainer: "skills matched: typescript". */
  reasons: z.array(Text),
});
export type PairingProposal = z.infer<typeof PairingProposal>;

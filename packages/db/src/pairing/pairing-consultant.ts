import type { Database } from '../database';
import { type AdminOutcome, runAdmin } from '../admin/outcome';
import { type NamedConsultant, resolveConsultant } from '../admin/references';

/**
 * The consultant an operator names by id, exact name or forge login, as `wecena admin` finds
 * them; a refusal names the matches or the known consultants.
 */
export function findPairingConsultant(db: Database, reference: string): Promise<AdminOutcome<NamedConsultant>> {
  return runAdmin(db, (tx) => resolveConsultant(tx, reference));
}

import type { Database } from '../database';
import { type AdminOutcome, runAdmin } from '../admin/outcome';
import { type Named, resolveSponsor } from '../admin/references';

/** A sponsor as a report names it, with the currency its amounts are in. */
export interface ReportSponsor extends Named {
  currency: string;
}

/** The sponsor an operator named by id or exact name, or a refusal that lists the known ones. */
export function findReportSponsor(db: Database, reference: string): Promise<AdminOutcome<ReportSponsor>> {
  return runAdmin(db, async (tx) => {
    const sponsor = await resolveSponsor(tx, reference);
    const { rows } = await tx.query<{ currency: string }>('SELECT currency FROM sponsors WHERE id = $1', [sponsor.id]);
    return { ...sponsor, currency: rows[0]?.currency ?? 'EUR' };
  });
}

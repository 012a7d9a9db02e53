import { z } from 'zod';
import { Cents, Forge, Host, Id, LanguageTag, Login, Tag, Text } from './primitives';

/** Who the consultant is on one forge host: the login that comments `/wecena claim`. */
export const ForgeIdentity = z.object({ forge: Forge, host: Host, login: Login });
export type ForgeIdentity = z.infer<typeof ForgeIdentity>;

/** 1: can do it with the docs open; 2: does it daily; 3: could teach it. */
export const SkillLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type SkillLevel = z.infer<typeof SkillLevel>;

export const Skill = z.object({ name: Tag, level: SkillLevel });
export type Skill = z.infer<typeof Skill>;

/**
 * Two open claims by default: one to work on, one waiting for review. More, and claims stall,
 * the failure that made other projects drop claiming altogether.
 */
export const DEFAULT_OPEN_CLAIMS_LIMIT = 2;

function hasNoDuplicates<T>(items: readonly T[], key: (item: T) => string): boolean {
  return new Set(items.map(key)).size === items.length;
}

/** An employee of one sponsor, lent between two client contracts. */
export const Consultant = z
  .object({
    id: Id,
    sponsorId: Id,
    displayName: Text,
    forgeIdentities: z.array(ForgeIdentity),
    skills: z.array(Skill),
    languages: z.array(LanguageTag),
    /** Causes the consultant prefers (`education`, `environment`...), used to rank pairings. */
    causes: z.array(Tag),
    openClaimsLimit: z.int().min(1).max(10).default(DEFAULT_OPEN_CLAIMS_LIMIT),
    /** Cost price of one hour, for valuation. Visible to the sponsor only. */
    costRateCentsPerHour: Cents,
  })
  .refine(
    (consultant) => hasNoDuplicates(consultant.forgeIdentities, (identity) => `${identity.forge} ${identity.host}`),
    { message: 'one identity per forge host', path: ['forgeIdentities'] },
  )
  .refine((consultant) => hasNoDuplicates(consultant.skills, (skill) => skill.name), {
    message: 'each skill is listed once',
    path: ['skills'],
  });
export type Consultant = z.infer<typeof Consultant>;

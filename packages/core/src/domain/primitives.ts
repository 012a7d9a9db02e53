import { z } from 'zod';

/*
 * The value types every entity is built from. The rules hold across the whole product:
 * instants are ISO-8601 UTC strings ending in Z, calendar dates are YYYY-MM-DD, money is an
 * integer number of euro cents, durations an integer number of minutes. Integers, because a
 * ledger that adds floats cannot be re-derived to the cent.
 */

/** An opaque identifier, chosen by the caller (the core never makes ids): uuid, ulid, slug... */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'an id: letters, digits, _ . : - (128 at most)');
export type Id = z.infer<typeof Id>;

/** A point in time, UTC, e.g. 2026-03-02T09:30:00Z; offsets are refused so that strings compare. */
export const Instant = z.iso.datetime({ offset: false, local: false });
export type Instant = z.infer<typeof Instant>;

/** A calendar date, e.g. 2026-03-02, checked against the calendar (no 30 February). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** An amount of money in euro cents. */
export const Cents = z.int().nonnegative();
export type Cents = z.infer<typeof Cents>;

/** A positive duration in minutes. */
export const Minutes = z.int().positive();
export type Minutes = z.infer<typeof Minutes>;

/** The forges wecena speaks to: GitHub (github.com or Enterprise Server) and GitLab (any host). */
export const FORGES = ['github', 'gitlab'] as const;
export const Forge = z.enum(FORGES);
export type Forge = z.infer<typeof Forge>;

/** A lower-case host name, with a port for self-managed forges that need one. */
export const Host = z
  .string()
  .max(253)
  .regex(
    /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?$/,
    'a lower-case host name such as github.com or gitlab.example.org',
  );
export type Host = z.infer<typeof Host>;

/** A GitHub login or a GitLab username (GitLab also allows dots and underscores). */
export const Login = z
  .string()
  .max(255)
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?$/, 'a forge login: letters, digits, . _ -');
export type Login = z.infer<typeof Login>;

/** A web address on a forge: only http(s), the only scheme a report can link to. */
export const WebUrl = z.url({ protocol: /^https?$/ });
export type WebUrl = z.infer<typeof WebUrl>;

/** A lower-case tag for skills and causes: `typescript`, `c++`, `node.js`, `accessibility`. */
export const Tag = z
  .string()
  .max(50)
  .regex(/^[a-z0-9][a-z0-9+#._-]*$/, 'a lower-case tag such as typescript, c++ or accessibility');
export type Tag = z.infer<typeof Tag>;

/** A language as a BCP 47 primary tag with an optional region: `fr`, `en`, `pt-BR`. */
export const LanguageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a language tag such as fr, en or pt-BR');
export type LanguageTag = z.infer<typeof LanguageTag>;

/** Free text a person wrote, trimmed and not empty. */
export const Text = z.string().trim().min(1);
export type Text = z.infer<typeof Text>;

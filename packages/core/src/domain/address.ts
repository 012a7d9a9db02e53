import { z } from 'zod';

/** A postal address, as a receipt prints it. */
export const Address = z
  .object({
    /** Street lines, first to last. */
    lines: z.array(z.string().trim().min(1).max(200)).min(1).max(4),
    postalCode: z.string().trim().min(1).max(16),
    city: z.string().trim().min(1).max(100),
    /** ISO 3166-1 alpha-2. */
    country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as FR'),
  })
  .refine((address) => address.country !== 'FR' || /^\d{5}$/.test(address.postalCode), {
    message: 'a French postal code is five digits',
    path: ['postalCode'],
  });
export type Address = z.infer<typeof Address>;

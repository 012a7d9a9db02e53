import { z } from 'zod';
import { Forge, Host, Id } from './primitives';

const PATH_SEGMENT = /^(?!\.\.?$)[A-Za-z0-9._-]+$/;

/** A repository on a forge whose issues wecena may offer. */
export const Repository = z
  .object({
    id: Id,
    forge: Forge,
    host: Host,
    /** owner/name on GitHub; group/subgroup/.../project on GitLab. */
    path: z.string().max(1024),
    /** The forge's own id, stable across renames; unknown until the forge has told us. */
    forgeId: z.string().min(1).nullable(),
    /** Null until the operator links the repository to the beneficiary that owns it. */
    beneficiaryId: Id.nullable(),
    /** Whether wecena acts on it; a disabled repository keeps its history. */
    enabled: z.boolean(),
  })
  .refine(
    (repository) => {
      const segments = repository.path.split('/');
      const countFits = repository.forge === 'github' ? segments.length === 2 : segments.length >= 2;
      return countFits && segments.every((segment) => PATH_SEGMENT.test(segment));
    },
    { message: 'a path is owner/name on GitHub, group/.../project on GitLab', path: ['path'] },
  );
export type Repository = z.infer<typeof Repository>;

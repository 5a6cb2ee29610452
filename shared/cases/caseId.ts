import { z } from 'zod';

/** User-chosen case id (also the CLI's ID argument); a pseudonym, never a name. */
export const CaseIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);

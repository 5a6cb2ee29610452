/** zod schemas of htsget 1.3 responses (htsgetResponse.json), for validating tickets and errors. */
import { z } from 'zod';

/** A ticket: `{htsget:{format, urls:[{url, headers?, class?}], md5?}}`, no extra properties. */
export const htsgetTicketSchema = z
  .object({
    htsget: z
      .object({
        format: z.enum(['BAM', 'CRAM', 'VCF', 'BCF']),
        urls: z
          .array(
            z
              .object({
                url: z.string().regex(/^(https?:|data:)/),
                headers: z.record(z.string(), z.string()).optional(),
                class: z.enum(['header', 'body']).optional(),
              })
              .strict(),
          )
          .min(1),
        md5: z
          .string()
          .regex(/^[0-9a-f]{32}$/)
          .optional(),
      })
      .strict(),
  })
  .strict();
export type HtsgetTicket = z.infer<typeof htsgetTicketSchema>;

/** An error: `{htsget:{error, message}}`. */
export const htsgetErrorSchema = z
  .object({
    htsget: z
      .object({
        error: z.enum([
          'InvalidAuthentication',
          'PermissionDenied',
          'NotFound',
          'PayloadTooLarge',
          'UnsupportedFormat',
          'InvalidInput',
          'InvalidRange',
        ]),
        message: z.string(),
      })
      .strict(),
  })
  .strict();

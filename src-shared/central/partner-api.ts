import { z } from 'zod';
import { decimalOffset, LOOKUP_KEYS, lookupFields, recordCode, recordMetaSchema } from './central-api';

/**
 * SoHoa Central for other systems of the province (the one-stop system, the national data
 * store): API clients the Central administrator creates, each with the scopes it may use;
 * OAuth 2.0 client-credentials tokens; every read of personal data logged with the client and
 * the purpose it gave; a change feed a partner pulls to learn new, revoked and replaced results.
 */
export const PARTNER_SCOPES = ['records:lookup', 'records:file', 'stats:read', 'changes:read'] as const;
export const partnerScopeSchema = z.enum(PARTNER_SCOPES);
export type PartnerScope = z.infer<typeof partnerScopeSchema>;

export const apiClientCreateSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    scopes: z.array(partnerScopeSchema).min(1).max(PARTNER_SCOPES.length),
    /** Requests a minute this client may make (all its routes together). */
    ratePerMinute: z.number().int().min(1).max(100_000).default(120),
  })
  .strict();

export const apiClientSchema = z.object({
  clientId: z.uuid(),
  name: z.string(),
  scopes: z.array(partnerScopeSchema),
  ratePerMinute: z.number().int(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiClient = z.infer<typeof apiClientSchema>;

/** A new client, with its secret: shown once, Central keeps only its hash. */
export const apiClientCreatedSchema = apiClientSchema.extend({ clientSecret: z.string() });

/**
 * RFC 6749 §4.4: the client-credentials grant, as a form (`application/x-www-form-urlencoded`)
 * or JSON; the client authenticates with HTTP Basic or with client_id and client_secret here.
 */
export const tokenRequestSchema = z.object({
  grant_type: z.string().max(100),
  client_id: z.string().max(100).optional(),
  client_secret: z.string().max(200).optional(),
  /** Space-separated scopes wanted; all the client's when absent. */
  scope: z.string().max(500).optional(),
});

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
  scope: z.string(),
});

/** Why a partner reads personal data (the one-stop procedure, the dossier): kept in the access log. */
const purpose = z.string().trim().min(3).max(200);

export const partnerLookupQuerySchema = z
  .object({
    ...lookupFields,
    purpose,
    offset: decimalOffset.optional(),
  })
  .strict()
  .refine((query) => LOOKUP_KEYS.some((key) => Boolean(query[key])), `one of ${LOOKUP_KEYS.join(', ')}`);

export const purposeQuerySchema = z.object({ purpose }).strict();

/** What happened to a result, as the change feed says it. */
export const CHANGE_KINDS = ['stored', 'revoked', 'replaced', 'reinstated'] as const;

export const changeSchema = z.object({
  /** The feed's position: a partner asks for what came after the last one it took. */
  seq: z.number().int().positive(),
  kind: z.enum(CHANGE_KINDS),
  code: recordCode,
  at: z.iso.datetime(),
  /** The result as Central holds it now (its fields, who stored it, its revocation). */
  meta: recordMetaSchema,
  supersededBy: z.string().nullable(),
  revoked: z.boolean(),
});
export type Change = z.infer<typeof changeSchema>;

export const changesQuerySchema = z
  .object({
    after: z
      .string()
      .regex(/^\d{1,18}$/)
      .default('0'),
    limit: z
      .string()
      .regex(/^\d{1,4}$/)
      .optional(),
  })
  .strict();

export const changesSchema = z.object({
  changes: z.array(changeSchema),
  /** Where to continue (`after=`): the last change given, or `after` itself when none came. */
  next: z.number().int().nonnegative(),
  /** More changes wait past `next`. */
  more: z.boolean(),
});

/** RFC 8693 token exchange and the GA4GH passport token type (Passport 1.2, "Passport Issuers"). */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
export const PASSPORT_TOKEN_TYPE = 'urn:ga4gh:params:oauth:token-type:passport';
/** The passport JWT's `typ` header. */
export const PASSPORT_TYP = 'vnd.ga4gh.passport+jwt';

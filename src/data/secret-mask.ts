/**
 * What stands for a secret in every output and in an export (src/ticket/secrets.ts, src/triage/credentials.ts): a
 * text that holds it held access data before it came in again (an export of regdesk imported back).
 */
export const SECRET_MASK = '••••••'

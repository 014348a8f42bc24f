/**
 * E-mail verification of self-registered accounts. A sign-up starts `pending` and unverified;
 * its creation writes a verification e-mail to the outbox (in the sign-up's transaction) with a
 * link carrying a random token, of which only a SHA-256 is stored. Confirming the token (within
 * EMAIL_VERIFICATION_HOURS, 48) marks the address verified and a pending account `active`, in
 * one conditional UPDATE, so a token works once. Marketing segments count active accounts, so
 * a new sign-up reaches campaigns once verified.
 */
import { encryptValue } from '../../plugins/field-encryption'
import type { Db } from '../../db/transaction'
import { UnprocessableError } from '../ticketing/errors'
import { hashToken, newToken } from '../ticketing/tokens'

type Run = (text: string, values: unknown[]) => Promise<unknown[]>

export const verificationHours = () => Number(process.env.EMAIL_VERIFICATION_HOURS || 48)

/** Starts verification for a new account: token hash on the user, the e-mail in the outbox. */
export async function startEmailVerification(run: Run, user: { id: string; email: string }): Promise<void> {
  const token = newToken()
  await run(`UPDATE users SET verification_token_hash = $2, verification_sent_at = now() WHERE id = $1::uuid`, [user.id, hashToken(token)])
  await run(
    `INSERT INTO notifications (kind, dedupe_key, recipient, data, status, attempts, next_attempt_at)
     VALUES ('verify_email', $1, $2, $3::jsonb, 'pending', 0, now()) ON CONFLICT (dedupe_key) DO NOTHING`,
    [`verify_email:${user.id}:${hashToken(token).slice(0, 16)}`, user.email, JSON.stringify({ token: encryptValue(token) })],
  )
}

/** Confirms a token: the address is verified and a pending account becomes active. Once. */
export async function verifyEmail(db: Db, token: string): Promise<{ id: string; email: string; status: string }> {
  const {
    rows: [u],
  } = await db.query(
    `UPDATE users SET email_verified = true, verification_token_hash = NULL,
            status = CASE WHEN status = 'pending' THEN 'active'::enum_users_status ELSE status END, updated_at = now()
      WHERE verification_token_hash = $1 AND verification_sent_at > now() - make_interval(hours => $2)
      RETURNING id, email, status`,
    [hashToken(token), verificationHours()],
  )
  if (!u)
    throw new UnprocessableError(
      'invalid_token',
      'This confirmation link is not valid (used already, or older than allowed). Sign in and ask for a new one.',
    )
  return u
}

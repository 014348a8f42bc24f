/**
 * Changing an account's e-mail address proves the new address first (review finding 2): the
 * account keeps its address, the new one is kept as `pending_email` with the SHA-256 of a random
 * token, the new address gets the confirmation link, and the old one is told. Confirming (once,
 * within EMAIL_VERIFICATION_HOURS, 48) swaps the address in one conditional UPDATE and marks it
 * verified; an address another account took meanwhile is refused. Only then can the account's
 * e-mail reach guest purchases made with it (src/domain/ticketing/myTickets.ts).
 */
import { encryptValue } from '../../plugins/field-encryption'
import type { Db } from '../../db/transaction'
import { ConflictError, UnprocessableError } from '../ticketing/errors'
import { hashToken, newToken } from '../ticketing/tokens'
import { verificationHours } from './emailVerification'

type Run = (text: string, values: unknown[]) => Promise<unknown[]>

/** Records a requested change and queues the two e-mails, in the caller's transaction. */
export async function startEmailChange(run: Run, user: { id: string; email: string; newEmail: string }): Promise<void> {
  const token = newToken()
  const to = user.newEmail.trim().toLowerCase()
  await run(`UPDATE users SET pending_email = $2, email_change_token_hash = $3, email_change_sent_at = now() WHERE id = $1::uuid`, [
    user.id,
    to,
    hashToken(token),
  ])
  const key = hashToken(token).slice(0, 16)
  await run(
    `INSERT INTO notifications (kind, dedupe_key, recipient, data, status, attempts, next_attempt_at)
     VALUES ('email_change_confirm', $1, $2, $3::jsonb, 'pending', 0, now()), ('email_change_notice', $4, $5, $6::jsonb, 'pending', 0, now())
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [
      `email_change_confirm:${user.id}:${key}`,
      to,
      JSON.stringify({ token: encryptValue(token) }),
      `email_change_notice:${user.id}:${key}`,
      user.email,
      JSON.stringify({ newEmail: to }),
    ],
  )
}

/** Confirms a change with the token from the new address's e-mail: the account's address is the new one, verified. Once. */
export async function confirmEmailChange(db: Db, token: string): Promise<{ id: string; email: string }> {
  let row
  try {
    const { rows } = await db.query(
      `UPDATE users SET email = pending_email, pending_email = NULL, email_change_token_hash = NULL, email_verified = true, updated_at = now()
        WHERE email_change_token_hash = $1 AND pending_email IS NOT NULL AND email_change_sent_at > now() - make_interval(hours => $2)
        RETURNING id, email`,
      [hashToken(token), verificationHours()],
    )
    row = rows[0]
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new ConflictError('email_taken', 'Another account uses this address now.')
    throw err
  }
  if (!row)
    throw new UnprocessableError(
      'invalid_token',
      'This confirmation link is not valid (used already, or older than allowed). Ask for the change again.',
    )
  return row
}

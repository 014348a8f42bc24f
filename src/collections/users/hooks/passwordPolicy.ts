import { ValidationError, type CollectionBeforeOperationHook, type CollectionBeforeValidateHook } from 'payload'

import { queryFor } from '../../../db/sql'

export const MIN_PASSWORD_LENGTH = Number(process.env.PASSWORD_MIN_LENGTH || 10)

/** Why a password is refused, or null: long enough, two kinds of character, not the email. */
export function passwordProblem(password: string, email?: string | null): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length
  if (kinds < 2) return 'Mix at least two of: lower-case letters, capitals, digits, symbols.'
  const lower = password.toLowerCase()
  const local = email?.split('@')[0]?.toLowerCase()
  if (email && (lower.includes(email.toLowerCase()) || lower === local)) return 'Do not use your email address as your password.'
  return null
}

/** The password policy, with a message naming the field, on sign-up and on every password change. */
export const enforcePasswordPolicy: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  const password = (data as { password?: unknown } | undefined)?.password
  if (typeof password === 'string' && password !== '') {
    const problem = passwordProblem(password, (data as { email?: string }).email ?? originalDoc?.email)
    if (problem)
      throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: `Password too weak. ${problem}` }] })
  }
  return data
}

/**
 * Payload's reset-password operation skips collection hooks, so the policy is applied here,
 * before it: the person is found by the reset token (for the "not your e-mail" rule).
 */
export const enforcePasswordPolicyOnReset: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation !== 'resetPassword') return args
  const data = (args as { data?: { token?: unknown; password?: unknown } }).data
  if (typeof data?.password !== 'string' || typeof data.token !== 'string') return args
  const q = await queryFor(req)
  const [row] = await q<{ email: string }>(`SELECT email FROM users WHERE reset_password_token = $1`, [data.token])
  const problem = passwordProblem(data.password, row?.email)
  if (problem) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: `Password too weak. ${problem}` }] })
  return args
}

/**
 * Account actions (a password, an e-mail address, two-factor, sessions, privacy export and
 * erasure) belong to the person, signed in: no API key performs them, whatever its scopes, on
 * REST and GraphQL alike. A refusal is 403 `scope_required` naming what the action needs:
 * `session` (a signed-in person) for account actions, or the scope a key lacks.
 */
import { APIError, type PayloadRequest } from 'payload'

/** The session scope: what no key can hold. */
export const SESSION_SCOPE = 'session'

export class ScopeRequiredError extends APIError<{ code: 'scope_required'; scope: string }> {
  constructor(
    readonly scope: string,
    what: string,
  ) {
    super(
      scope === SESSION_SCOPE
        ? `${what} is an account action: sign in as the person; API keys cannot do it.`
        : `${what} needs the scope ${scope}, which this API key does not hold.`,
      403,
      { code: 'scope_required', scope },
      true,
    )
    this.name = 'ScopeRequiredError'
  }
}

type WithStrategy = { _strategy?: string } | null | undefined

/** Whether the request authenticated with an API key (the api-keys plugin's strategy). */
export const isApiKeyRequest = (req: Pick<PayloadRequest, 'user'>): boolean => (req.user as WithStrategy)?._strategy === 'api-key'

/** Throws `scope_required` (session) when the request is made with an API key. */
export function refuseApiKey(req: Pick<PayloadRequest, 'user'>, what: string): void {
  if (isApiKeyRequest(req)) throw new ScopeRequiredError(SESSION_SCOPE, what)
}

/** The REST body of a refusal (`{ error, scope, message }`), for endpoints that answer themselves. */
export const scopeRequiredBody = (err: ScopeRequiredError) => ({ error: 'scope_required', scope: err.scope, message: err.message })

/** Typed domain errors; endpoints map them to HTTP with `{ error, message, ...details }`. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}
export class NotFoundError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 404, details)
  }
}
export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 409, details)
  }
}
export class UnprocessableError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 422, details)
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do that.') {
    super('forbidden', message, 403)
  }
}
export class SoldOutError extends ConflictError {
  constructor(ticketType: string, available: number) {
    super('sold_out', `Only ${available} left for this ticket type.`, { ticketType, available })
  }
}
/** One client holds as much of an event as its hoarding cap allows (429: it may try again once a hold ends). */
export class HoldLimitError extends DomainError {
  constructor(limit: number, held: number, requested: number) {
    super(
      'hold_limit',
      `At most ${limit} tickets of this event may be held at once by one buyer; you hold ${held} and asked for ${requested}. Complete or release your other checkout first.`,
      429,
      { limit, held, requested },
    )
  }
}
/** A service the operation needs is away (503); `retryAfter` seconds become the answer's Retry-After. */
export class UnavailableError extends DomainError {
  constructor(code: string, message: string, retryAfter: number, details: Record<string, unknown> = {}) {
    super(code, message, 503, { ...details, retryAfter })
  }
}

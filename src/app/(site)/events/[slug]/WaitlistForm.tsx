'use client'
/** On a sold-out ticket type: join its waitlist (freed tickets are offered in line order by e-mail). */
import React, { useState } from 'react'

export function WaitlistForm({ eventId, ticketTypes }: { eventId: string; ticketTypes: Array<{ id: string; name: string }> }) {
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (ticketTypes.length === 0) return null
  if (done)
    return (
      <p className="notice" role="status">
        {done}
      </p>
    )
  const submit = async (form: FormData) => {
    setError(null)
    const res = await fetch(`/api/events/${eventId}/waitlist`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ticketType: String(form.get('ticketType')),
        quantity: Number(form.get('quantity')),
        name: String(form.get('name') ?? ''),
        email: String(form.get('email') ?? ''),
      }),
    })
    const body = await res.json().catch(() => ({}))
    if (!res.ok) return setError(body.message ?? `Could not join (${res.status}).`)
    setDone(
      'Almost there: open the link we just e-mailed you to take your place in line. Once you are in line and tickets free up, we hold them for you and e-mail you a link.',
    )
  }
  return (
    <form
      className="filters"
      aria-label="Join the waitlist"
      onSubmit={(e) => {
        e.preventDefault()
        void submit(new FormData(e.currentTarget))
      }}
    >
      <strong>Sold out? Join the waitlist:</strong>
      <label>
        Ticket
        <select name="ticketType">
          {ticketTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        How many <input name="quantity" type="number" min={1} max={10} defaultValue={1} style={{ width: 64 }} />
      </label>
      <label>
        Name <input name="name" required autoComplete="name" />
      </label>
      <label>
        E-mail <input name="email" type="email" required autoComplete="email" />
      </label>
      <button className="button button--secondary" type="submit">
        Join the waitlist
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  )
}

/** How ticketing shows money and time to people: amounts in their currency, times in the event's own zone with the zone named. */

export function formatMoney(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 10 ** digits)
}

/** "Friday 1 May 2030, 20:00–00:00 Central European Summer Time (Europe/Paris)" */
export function formatWhen(start: Date, end: Date | null, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(start)
  const time = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d)
  const zoneName =
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'long' }).formatToParts(start).find((p) => p.type === 'timeZoneName')
      ?.value ?? timeZone
  return `${day}, ${time(start)}${end ? `–${time(end)}` : ''} ${zoneName} (${timeZone})`
}

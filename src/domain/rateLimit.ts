/**
 * A fixed-window counter per key, in this process's memory. Good enough for one instance and
 * for abuse of cheap endpoints (analytics pings); the security layer's shared limiter
 * (PostgreSQL or Redis) replaces it where several instances must agree.
 */
export function fixedWindowLimiter(limit: number, windowMs: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>()
  return {
    /** Counts a hit; returns seconds to wait when over the limit, else 0. */
    hit(key: string): number {
      const t = now()
      let w = windows.get(key)
      if (!w || t - w.start >= windowMs) {
        w = { start: t, count: 0 }
        windows.set(key, w)
        if (windows.size > 50_000) for (const [k, v] of windows) if (t - v.start >= windowMs) windows.delete(k)
      }
      w.count++
      return w.count > limit ? Math.ceil((w.start + windowMs - t) / 1000) : 0
    },
  }
}

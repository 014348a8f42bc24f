import net from 'node:net'

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'

/**
 * Whether a Redis answers at `url`. Tests that need one skip locally without it and fail under
 * CI (CI=true): there, an unreachable Redis is a failure, not a skip.
 */
export function redisReachable(url = REDIS_URL): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const u = new URL(url)
    const s = net.connect(Number(u.port || 6379), u.hostname)
    s.once('connect', () => (s.destroy(), resolve(true)))
    s.once('error', () => resolve(false))
  })
}

/** Skip the test locally when Redis is away; never under CI. */
export const needsRedis = (reachable: boolean) => !reachable && !process.env.CI

import { expect } from 'vitest'

/**
 * Polls a read of rendered text or state until the assertion holds or the deadline passes
 * (every assertion on what a page shows goes through this: a page renders in steps, and a read
 * made once can catch it between two).
 */
export const eventually = <T>(read: () => Promise<T> | T, timeout = 30_000) => expect.poll(read, { timeout, interval: 100 })

/** Comma-separated list from the environment, or undefined when unset (Payload's defaults apply). */
export function csvEnv(name: string): string[] | undefined {
  const raw = process.env[name]
  if (!raw) return undefined
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

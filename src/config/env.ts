/** Comma-separated list from the environment, or undefined when unset (Payload's defaults apply). */
export function csvEnv(name: string): string[] | undefined {
  const raw = process.env[name]
  if (!raw) return undefined
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** The request guard's bounds (src/plugins/request-guard): API_MAX_LIMIT (default 100), API_MAX_DEPTH (default 5). */
export function apiBounds(): { maxLimit: number; maxDepth: number } {
  const int = (name: string, fallback: number) => {
    const v = Number(process.env[name])
    return Number.isInteger(v) && v > 0 ? v : fallback
  }
  return { maxLimit: int('API_MAX_LIMIT', 100), maxDepth: int('API_MAX_DEPTH', 5) }
}

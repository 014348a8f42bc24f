/** The changed top-level fields between two versions of a document, with sensitive values redacted. */
export type Change = { field: string; from: unknown; to: unknown }

const normalise = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(normalise)
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    // A populated relationship counts as its id.
    if ('id' in o && ('createdAt' in o || 'updatedAt' in o)) return o.id
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, normalise(x)]))
  }
  return v
}

export function diffDocs(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  redact: Set<string>,
  ignore: Set<string>,
): Change[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const out: Change[] = []
  for (const field of keys) {
    if (ignore.has(field)) continue
    const a = normalise(before?.[field])
    const b = normalise(after?.[field])
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) continue
    out.push(
      redact.has(field)
        ? { field, from: a == null ? null : '[redacted]', to: b == null ? null : '[redacted]' }
        : { field, from: a ?? null, to: b ?? null },
    )
  }
  return out
}

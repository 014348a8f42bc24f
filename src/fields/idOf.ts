/** The id of a relationship value, populated (an object) or not (the id itself). */
export const idOf = (v: unknown): string | undefined =>
  v && typeof v === 'object' ? String((v as { id: string | number }).id) : v == null || v === '' ? undefined : String(v)

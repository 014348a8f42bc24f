import React from 'react'

import type { SponsorListBlock } from '../../payload-types'

type Sponsor = { id?: string; name: string; logo?: string | null; website?: string | null; tier?: string | null }

export function SponsorListComponent(b: SponsorListBlock) {
  const sponsors = ((b as { resolvedSponsors?: Sponsor[] }).resolvedSponsors ?? []) as Sponsor[]
  return (
    <section className="block sponsor-list">
      {b.title && <h2>{b.title}</h2>}
      <ul className="logos">
        {sponsors.map((s, n) => (
          <li key={s.id ?? n}>{s.logo ? <img src={s.logo} alt={s.name} loading="lazy" /> : <span>{s.name}</span>}</li>
        ))}
      </ul>
    </section>
  )
}

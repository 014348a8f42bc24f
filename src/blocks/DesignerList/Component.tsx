import React from 'react'

import type { DesignerListBlock } from '../../payload-types'

type Designer = {
  id: string
  name: string
  slug: string | null
  brand?: string | null
  specialty?: string | null
  profileImage?: string | null
}

export function DesignerListComponent(b: DesignerListBlock) {
  const designers = ((b as { resolvedDesigners?: Designer[] }).resolvedDesigners ?? []) as Designer[]
  return (
    <section className="block designer-list">
      {b.title && <h2>{b.title}</h2>}
      <ul className="cards">
        {designers.map((d) => (
          <li key={d.id} className="card">
            {d.profileImage && <img src={d.profileImage} alt="" loading="lazy" />}
            <h3>{d.name}</h3>
            {d.specialty && <p>{d.specialty}</p>}
          </li>
        ))}
      </ul>
    </section>
  )
}

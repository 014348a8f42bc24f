import type { Metadata } from 'next'
import React from 'react'

import './site.css'

export const metadata: Metadata = {
  title: { default: 'Fashionistas', template: '%s · Fashionistas' },
  description: 'Fashion shows, exhibitions, workshops and parties.',
}

/** The storefront's root layout (the admin has its own under (payload)). */
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <a className="logo" href="/">
            Fashionistas
          </a>
          <nav aria-label="Main">
            <a href="/events">Events</a>
            <a href="/account">My tickets</a>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>© Fashionistas · an open platform for fashion events</p>
        </footer>
      </body>
    </html>
  )
}

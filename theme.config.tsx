import type { ReactNode } from 'react'
import { LastUpdated } from '@/site/components/last-updated'

/**
 * The repository the "Edit this page", feedback and GitHub links point at.
 * Unset, those links are hidden rather than pointing somewhere that may not exist.
 */
const repository = process.env.SITE_REPOSITORY_URL?.replace(/\/+$/, '')

// Nextra 4 dropped theme.config; these are the docs theme's options, kept in one
// place and passed to <Layout> and <Navbar> by app/layout.tsx.
export const themeConfig = {
  logo: <strong>BFF + JWT reference</strong>,
  projectLink: repository,
  docsRepositoryBase: repository ? `${repository}/tree/main` : undefined,
  editLink: repository ? 'Edit this page' : null,
  feedback: repository ? { content: 'Question? Give us feedback', link: `${repository}/issues/new` } : { content: null },
  banner: {
    storageKey: 'bff-reference-live-demos',
    content: 'Every workflow on this site is backed by a live demo running in this same process.',
  },
  // next-themes re-applies the theme when it mounts, though its inline script
  // already did before the first paint. With transitions disabled on change it
  // does so by adding a `* { transition: none }` sheet, reading a computed style
  // and removing the sheet: two restyles of the whole page on every load, which
  // on a long page are two long tasks (the Measured page says more). With
  // transitions left alone, a theme switch fades the few colours that have one.
  nextThemes: { disableTransitionOnChange: false },
  // The theme's own dates the page with Intl, which costs the page a long task (see the component).
  lastUpdated: <LastUpdated />,
  footer: (
    <span>
      Reference architecture: Next.js 16 BFF in front of a .NET API. The API here is an
      in-site mock; set <code>DOTNET_API_URL</code> to use yours.
    </span>
  ) satisfies ReactNode,
}

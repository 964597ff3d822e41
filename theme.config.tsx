import type { ReactNode } from 'react'

// Nextra 4 dropped theme.config; these are the docs theme's options, kept in one
// place and passed to <Layout> and <Navbar> by app/layout.tsx.
export const themeConfig = {
  logo: <strong>BFF + JWT reference</strong>,
  projectLink: 'https://github.com/bff-jwt-reference/bff-jwt-reference',
  docsRepositoryBase: 'https://github.com/bff-jwt-reference/bff-jwt-reference/tree/main',
  editLink: 'Edit this page',
  banner: {
    storageKey: 'bff-reference-live-demos',
    content: 'Every workflow on this site is backed by a live demo running in this same process.',
  },
  footer: (
    <span>
      Reference architecture: Next.js 16 BFF in front of a .NET API. The API here is an
      in-site mock; set <code>DOTNET_API_URL</code> to use yours.
    </span>
  ) satisfies ReactNode,
} as const

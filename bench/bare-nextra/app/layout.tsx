import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { Banner, Head } from 'nextra/components'
import { getPageMap } from 'nextra/page-map'
import { Footer, Layout, Navbar } from 'nextra-theme-docs'
import 'nextra-theme-docs/style.css'
import { themeConfig } from '@/theme.config'

export const metadata: Metadata = { title: 'Bare Nextra baseline' }

// The site's root layout (app/layout.tsx) without the site's own stylesheet:
// the same <Head> and <Layout> options, read from the same theme.config.tsx.
// tests/unit/bench/bare-site.test.ts fails when the two drift apart.
export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" dir="ltr" suppressHydrationWarning>
      <Head color={{ hue: 212, saturation: 100, lightness: { light: 40, dark: 55 } }} />
      <body>
        <Layout
          banner={<Banner storageKey={themeConfig.banner.storageKey}>{themeConfig.banner.content}</Banner>}
          navbar={<Navbar logo={themeConfig.logo} projectLink={themeConfig.projectLink} />}
          footer={<Footer>{themeConfig.footer}</Footer>}
          editLink={themeConfig.editLink}
          feedback={themeConfig.feedback}
          docsRepositoryBase={themeConfig.docsRepositoryBase}
          nextThemes={themeConfig.nextThemes}
          lastUpdated={themeConfig.lastUpdated}
          pageMap={await getPageMap()}
          copyPageButton={false}
        >
          {children}
        </Layout>
      </body>
    </html>
  )
}

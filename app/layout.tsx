import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { Banner, Head } from 'nextra/components'
import { getPageMap } from 'nextra/page-map'
import { Footer, Layout, Navbar } from 'nextra-theme-docs'
import 'nextra-theme-docs/style.css'
import '@/demos/components/demo.css'
// The site's instruments' styles go into the same stylesheet as the theme's: each
// stylesheet a page links is one more request before it can paint.
import '@/sandbox/experiment.css'
import '@/site/components/wire-inspector/wire-inspector.css'
import '@/site/components/mermaid-diagram.css'
import '@/site/components/docs-layout.css'
import { themeConfig } from '@/theme.config'

export const metadata: Metadata = {
  title: { default: 'BFF + JWT reference', template: '%s · BFF + JWT reference' },
  description:
    'A Next.js 16 backend-for-frontend in front of a .NET API, with httpOnly JWT cookies, explained with live demos.',
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" dir="ltr" suppressHydrationWarning>
      {/* The theme's default link blue (lightness 45%) is 4.45:1 on inline code's grey, just under WCAG AA. */}
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
          // Its "Copy page" menu button has no accessible name (axe: button-name, critical).
          copyPageButton={false}
        >
          {children}
        </Layout>
      </body>
    </html>
  )
}

import { generateStaticParamsFor, importPage } from 'nextra/pages'
import { useMDXComponents as getMDXComponents } from '../../mdx-components'

// Nextra's own catch-all route, as its docs example has it, with the site's one change (tests/unit/bench/bare-site.test.ts).
export const generateStaticParams = generateStaticParamsFor('mdxPath')

type PageProps = { params: Promise<{ mdxPath?: string[] }> }

export async function generateMetadata(props: PageProps) {
  const params = await props.params
  const { metadata } = await importPage(params.mdxPath)
  return metadata
}

const Wrapper = getMDXComponents().wrapper

export default async function Page(props: PageProps) {
  const params = await props.params
  const { default: MDXContent, toc, metadata } = await importPage(params.mdxPath)
  // sourceCode feeds only the theme's "Copy page" button, which app/layout.tsx
  // turns off; the page's own would put its whole MDX source in the payload.
  return (
    <Wrapper toc={toc} metadata={metadata} sourceCode="">
      <MDXContent {...props} params={params} />
    </Wrapper>
  )
}

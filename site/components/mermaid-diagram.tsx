'use client'

import { useEffect, useId, useRef, useState } from 'react'
import { diagramBox, diagramKey } from '@/site/lib/diagrams/diagram-box'

const isDark = () => document.documentElement.classList.contains('dark')

/**
 * The docs' ```mermaid blocks, in place of the theme's own component (next.config.mjs
 * aliases it). Mermaid draws in the browser, when the diagram comes into view, and
 * the theme's component let the page move three times: the drawing appeared in an
 * empty box, mermaid measured it inside the page, and any change to <html>'s
 * attributes drew it again from empty. Here:
 * 1. the box is the drawing's own size from the start (diagram-boxes.json,
 *    measured in a browser by tests/e2e/diagram-boxes.spec.ts), so nothing below it moves;
 * 2. mermaid measures outside the page (it adds its own hidden element to <body>);
 * 3. it draws again only when the colour scheme changes, and swaps the drawing in one go.
 */
export function Mermaid({ chart: written }: { chart: string }) {
  // The remark plugin hands the block over with its line breaks written as \n.
  const chart = written.replaceAll('\\n', '\n')
  const id = `mermaid-${useId().replace(/[^\w-]/g, '')}`
  const box = diagramBox(chart)
  const ref = useRef<HTMLDivElement>(null)
  const [svg, setSvg] = useState('')

  useEffect(() => {
    let drawnDark: boolean | undefined
    let active = true
    async function draw() {
      const dark = isDark()
      if (dark === drawnDark) return
      drawnDark = dark
      const { default: mermaid } = await import('mermaid')
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', fontFamily: 'inherit', theme: dark ? 'dark' : 'default' })
      try {
        const { svg: drawn } = await mermaid.render(`${id}-${dark ? 'dark' : 'light'}`, chart)
        // A drawing for a scheme the reader has since left is dropped; the newer one follows.
        if (active && dark === isDark()) setSvg(drawn)
      } catch (error) {
        console.error('Drawing a mermaid diagram failed', error)
      }
    }
    const themeChanges = new MutationObserver(() => void draw())
    const nearScreen = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return
      nearScreen.disconnect()
      themeChanges.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
      void draw()
    })
    nearScreen.observe(ref.current!)
    return () => {
      active = false
      nearScreen.disconnect()
      themeChanges.disconnect()
    }
  }, [chart, id])

  return (
    <div
      ref={ref}
      className="bff-mermaid"
      data-diagram-key={diagramKey(chart)}
      data-diagram-box={box ? `${box.width}x${box.height}` : undefined}
      style={box ? { maxWidth: box.width, aspectRatio: `${box.width} / ${box.height}` } : undefined}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  )
}

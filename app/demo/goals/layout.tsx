import type { ReactNode } from 'react'
import { DemoControlsPanel } from '@/demos/components/demo-controls-panel'
import { getDemoControls } from '@/demos/lib/demo-controls/get-demo-controls'

// The failure controls sit in the layout, outside this route's error.tsx: with
// the API "down" the page itself fails, and the reader must still reach Reset.
export default async function GoalsLayout({ children }: { children: ReactNode }) {
  const controls = await getDemoControls()
  return (
    <>
      {children}
      {controls.ok && (
        <aside className="bff-demo-page" aria-label="Demo controls">
          <DemoControlsPanel initialControls={controls.controls} />
        </aside>
      )}
    </>
  )
}

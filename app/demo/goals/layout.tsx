import type { ReactNode } from 'react'
import { DemoControlsPanel } from '@/site/components/demo-controls-panel'
import { ServerActionGoalForm } from '@/demos/components/goals/server-action-goal-form'
import { getDemoControls } from '@/site/lib/demo-controls/get-demo-controls'

/**
 * Both sit in the layout, outside the page's loading.tsx and error.tsx:
 * - React reveals content streamed behind loading.tsx with a script, so only
 *   outside it does the Server Action form work with JavaScript off;
 * - with the API "down" the page fails, and the reader must still reach Reset.
 * The page's board, and loading.tsx before it, fill at least a screen (.bff-streamed):
 * otherwise the short loading message leaves these on the first screen, and the
 * list streaming in pushes them down (a layout shift of 0.3 on desktop, 0.6 on
 * mobile). The error page does not, so Reset stays in sight.
 */
export default async function GoalsLayout({ children }: { children: ReactNode }) {
  const controls = await getDemoControls()
  return (
    <>
      {children}
      {controls.ok && (
        <aside className="bff-demo-page" aria-label="More ways to try the demo">
          <ServerActionGoalForm />
          <DemoControlsPanel initialControls={controls.controls} />
        </aside>
      )}
    </>
  )
}

'use client'

import { ServerErrorPanel } from '@/demos/components/server-error-panel'

type Props = { error: Error & { digest?: string }; reset: () => void }

// The account and session demos: the API answered with an error while the page rendered.
export default function DemoError(props: Props) {
  return <ServerErrorPanel title="The page could not be loaded" testId="demo-error" {...props} />
}

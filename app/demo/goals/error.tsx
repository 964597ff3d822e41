'use client'

import { ServerErrorPanel } from '@/demos/components/server-error-panel'

type Props = { error: Error & { digest?: string }; reset: () => void }

export default function GoalsError(props: Props) {
  return <ServerErrorPanel title="The goals could not be loaded" testId="goals-error" {...props} />
}

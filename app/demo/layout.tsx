import type { ReactNode } from 'react'
import { QueryProvider } from '@/demos/components/query-provider'

// Every live demo shares one browser QueryClient (see get-query-client.ts).
export default function DemoLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>
}

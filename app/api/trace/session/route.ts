import type { NextRequest } from 'next/server'
import { startTrace } from '@/site/lib/trace/start-trace'

// Starts the caller's wire-inspector trace; the panel asks once it renders.
// Rate-limited per client address (see open-trace-session.ts).
export const dynamic = 'force-dynamic'

export function POST(request: NextRequest) {
  return startTrace(request)
}

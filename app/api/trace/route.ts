import type { NextRequest } from 'next/server'
import { clearTrace, readTrace } from '@/site/lib/trace/read-trace'

// The wire inspector's feed: the caller's own redacted trace, named by their
// httpOnly trace cookie (see read-trace.ts). Never cached, never prerendered.
export const dynamic = 'force-dynamic'

export function GET(request: NextRequest) {
  return readTrace(request)
}

export function DELETE(request: NextRequest) {
  return clearTrace(request)
}

import type { NextRequest } from 'next/server'
import { problem } from '@/demos/lib/http/problem'
import { relayUpload, uploadRelayEnabled } from '@/site/lib/bench/relay-upload'

// The benchmark's comparison for Workflow E (content/measured.mdx): a file
// streamed through the BFF instead of straight to the API. It exists only on
// the servers the benchmark starts (BENCH_UPLOAD_RELAY=1); everywhere else it
// answers as an unknown route would.
export const dynamic = 'force-dynamic'

export async function PUT(request: NextRequest) {
  if (!uploadRelayEnabled()) return problem({ status: 404, title: 'Not Found' })
  return relayUpload(request)
}

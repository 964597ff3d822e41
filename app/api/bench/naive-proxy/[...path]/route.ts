import type { NextRequest } from 'next/server'
import { problem } from '@/demos/lib/http/problem'
import { naiveProxy, naiveProxyEnabled } from '@/site/lib/bench/naive-proxy'

// The proxy benchmark's third column (content/measured.mdx): the catch-all
// proxy tutorials show, measured beside this site's /api/proxy. It exists only
// on the servers the benchmark starts (BENCH_NAIVE_PROXY=1); everywhere else it
// answers as an unknown route would.
export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  if (!naiveProxyEnabled()) return problem({ status: 404, title: 'Not Found' })
  return naiveProxy((await params).path, request.nextUrl.search)
}

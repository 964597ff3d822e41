import type { NextRequest } from 'next/server'
import { renderWithReturnPath } from '@/demos/lib/auth/return-path'
import { applyDemoPagePolicy } from '@/demos/lib/http/content-security-policy'
import { proxy as checkSession } from '@/demos/proxy'
import { proxyCheckIsOff } from '@/site/lib/proxy-check/proxy-check'
import { traceProxy } from '@/site/lib/trace/trace-proxy'

// The site's composition root for page requests: the reference app's session
// check (demos/proxy.ts, the file the docs show) inside what only this site adds.
const tracedCheck = traceProxy(checkSession)

export async function proxy(request: NextRequest) {
  // 1. Every demo page gets a Content-Security-Policy with a fresh nonce.
  const policy = applyDemoPagePolicy(request)
  // 2. The route protection page's switch: this reader turned the check off, to
  //    watch the DAL and the API hold. 3. Otherwise the check runs, and the wire
  //    inspector records what it did; it never changes the answer.
  const response = proxyCheckIsOff(request) ? renderWithReturnPath(request) : await tracedCheck(request)
  response.headers.set('content-security-policy', policy)
  return response
}

// Next reads this statically, so it is written here rather than re-exported.
export const config = {
  matcher: ['/demo/:path*', '/api/proxy/goals/:goal/attachments/:file'],
}

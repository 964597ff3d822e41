import { NextResponse } from 'next/server'
import { clientAddress } from '@/demos/lib/http/client-address'

// The attack lab's view of the key every per-address limit uses (the BFF's
// sign-in limit, the lab's own, the API's login limits through the BFF). It
// tells callers only their own address as this site sees it: the lab sends
// spoofed X-Forwarded-For headers here and checks that none of them is echoed.
export const dynamic = 'force-dynamic'

export function GET(request: Request) {
  return NextResponse.json({ address: clientAddress(request) }, { headers: { 'Cache-Control': 'private, no-store' } })
}

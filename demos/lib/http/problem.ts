import { NextResponse } from 'next/server'

/** RFC 9457 problem details, the same shape the .NET API uses for its errors. */
export type Problem = {
  type?: string
  title: string
  status: number
  detail?: string
  errors?: Record<string, string[]>
}

export function problem(body: Problem, headers?: HeadersInit) {
  const response = NextResponse.json(
    { type: body.type ?? `https://httpstatuses.io/${body.status}`, ...body },
    { status: body.status, headers },
  )
  response.headers.set('Content-Type', 'application/problem+json')
  response.headers.set('Cache-Control', 'no-store')
  return response
}

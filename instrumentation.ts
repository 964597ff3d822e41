// The site's composition root on the server, run once before the first
// request: the reference app's transport to the API gets the wire inspector's
// recorder around it. Nothing in demos/ knows; route handlers and proxy.ts are
// wrapped where they are exported (app/, proxy.ts).
export async function register() {
  // proxy.ts and every route run on Node.js here; there is no edge bundle to equip.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { wrapApiTransport } = await import('@/demos/lib/proxy/api-transport')
  const { traceTransport } = await import('@/site/lib/trace/trace-transport')
  wrapApiTransport(traceTransport)
}

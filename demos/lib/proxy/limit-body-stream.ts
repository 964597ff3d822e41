import 'server-only'

/**
 * Counts the bytes of a streamed request body and errors the stream once they
 * pass `maxBytes`, which aborts the upstream fetch mid-upload. Content-Length
 * is checked before this, but a chunked body declares no length, so only
 * counting what actually flows can enforce the cap without buffering.
 * `exceeded()` lets the caller tell this abort apart from a network failure.
 */
export function limitBodyStream(maxBytes: number) {
  let received = 0
  let exceeded = false
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      received += chunk.byteLength
      if (received > maxBytes) {
        exceeded = true
        controller.error(new RangeError(`Request body exceeds ${maxBytes} bytes`))
        return
      }
      controller.enqueue(chunk)
    },
  })
  return { stream, exceeded: () => exceeded }
}

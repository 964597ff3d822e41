/**
 * console.log's arguments as one line of text for the console under the
 * preview: strings as they are, everything else close to how DevTools prints it.
 */
export function formatArguments(args: unknown[]) {
  const rest = [...args]
  const parts: string[] = []
  // React's warnings use printf-style substitutions: console.error('…%s…', value).
  if (typeof rest[0] === 'string' && rest.length > 1 && rest[0].includes('%')) {
    const template = rest.shift() as string
    parts.push(
      template.replace(/%([sdifoOc%])/g, (match, type: string) => {
        if (type === '%') return '%'
        if (rest.length === 0) return match
        const value = rest.shift()
        if (type === 'c') return ''
        if (type === 'd' || type === 'i') return String(Number.parseInt(String(value), 10))
        if (type === 'f') return String(Number(value))
        return typeof value === 'string' ? value : formatValue(value, 0, new WeakSet())
      }),
    )
  }
  for (const arg of rest) parts.push(typeof arg === 'string' ? arg : formatValue(arg, 0, new WeakSet()))
  return parts.join(' ')
}

function formatValue(value: unknown, depth: number, seen: WeakSet<object>): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'function') return `ƒ ${value.name || 'anonymous'}()`
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'symbol' || typeof value !== 'object' || value === null) return String(value)
  if (value instanceof Error) return value.stack?.includes(value.message) ? value.stack : `${value.name}: ${value.message}`
  if (seen.has(value)) return '[Circular]'
  if (depth > 3) return Array.isArray(value) ? '[…]' : '{…}'
  seen.add(value)
  if (Array.isArray(value)) return `[${value.map((item) => formatValue(item, depth + 1, seen)).join(', ')}]`
  if (value instanceof Map) return `Map(${value.size}) {${[...value].map(([k, v]) => `${formatValue(k, depth + 1, seen)} => ${formatValue(v, depth + 1, seen)}`).join(', ')}}`
  if (value instanceof Set) return `Set(${value.size}) {${[...value].map((v) => formatValue(v, depth + 1, seen)).join(', ')}}`
  if (value instanceof Date) return value.toISOString()
  const name = value.constructor && value.constructor !== Object ? `${value.constructor.name} ` : ''
  const entries = Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${formatValue(item, depth + 1, seen)}`)
  return `${name}{${entries.join(', ')}}`
}

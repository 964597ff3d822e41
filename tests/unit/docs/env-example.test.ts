import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultMockConfig } from '@/mocks/mock-config'

// .env.example is the configuration reference. It must name every variable the
// code reads, and the mock defaults it shows must be the real ones.
const example = readFileSync('.env.example', 'utf8')
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return sourceFiles(file)
    return /\.(ts|tsx|mjs)$/.test(name) ? [file] : []
  })
}

describe('.env.example', () => {
  it('shows every mock default as it is in mocks/mock-config.ts', () => {
    for (const [key, value] of Object.entries(defaultMockConfig)) {
      expect(example, key).toContain(`# DOTNET_MOCK_${snake(key)}=${value}\n`)
    }
  })

  it('names every environment variable the site reads', () => {
    const files = [...sourceFiles('demos'), ...sourceFiles('app'), ...sourceFiles('mocks'), 'proxy.ts', 'server.mjs', 'theme.config.tsx', 'next.config.mjs']
    const read = new Set(files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1])))
    // Set by Node.js, Next.js or the test runner, not by whoever deploys the site.
    for (const builtIn of ['NODE_ENV', 'PORT', 'NEXT_DIST_DIR']) read.delete(builtIn)
    expect(read.size).toBeGreaterThan(3)
    for (const name of read) expect(example, name).toMatch(new RegExp(`^# ${name}=`, 'm'))
  })
})

// The bare Nextra site every docs page is measured against: bench/bare-nextra/,
// Nextra 4's docs theme with this site's options and one plain MDX page, on the
// repository's own next, nextra and react. buildBareSite() builds it in the
// benchmark run; startBareSite() serves it with the site's own server.mjs, for
// measurements in a browser.
//
// It is built from a copy in .next-bare/<the site's dist dir>/ with the
// repository's node_modules hard-linked in (no bytes copied). Built in place,
// Turbopack would take the repository as its root (the nearest lockfile) and
// compile the site's own proxy.ts and instrumentation files into the bare site;
// rooted at the fixture, it cannot reach node_modules one level up.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { distDir, freePort, spawnServer } from './bench-server'

const FIXTURE_DIR = path.resolve('bench/bare-nextra')
/**
 * Files of the site the fixture takes as they are, so its options cannot drift from the site's
 * (theme.config.tsx, and the component it gives the theme for a page's date); the PostCSS config
 * and its plugin, so the theme's stylesheet reaches both the same; server.mjs so that both are
 * served, and compressed, the same way.
 */
const FROM_THE_SITE = [
  'theme.config.tsx',
  'site/components/last-updated.tsx',
  'postcss.config.mjs',
  'site/postcss/class-names-for-class-attributes.mjs',
  'server.mjs',
]

export type BareBuild = { dir: string; distDir: string; buildSeconds: number }
export type BareServer = { url: string; port: number; pid: number; stop: () => Promise<void> }

/** The bare site's working copy, one per build of the site (`.next-h5` gives .next-bare/.next-h5). */
export function bareSiteDir(): string {
  return path.resolve('.next-bare', path.basename(distDir()))
}

export function bareDistDir(): string {
  return path.join(bareSiteDir(), '.next')
}

/**
 * Copies the fixture and links node_modules in; the links are kept while package-lock.json is
 * unchanged, and .next too: `next build` empties it itself, all but Turbopack's own cache.
 */
function prepareCopy(dir: string) {
  mkdirSync(dir, { recursive: true })
  for (const name of readdirSync(dir)) if (name !== 'node_modules' && name !== '.next') rmSync(path.join(dir, name), { recursive: true, force: true })
  cpSync(FIXTURE_DIR, dir, { recursive: true })
  for (const file of FROM_THE_SITE) cpSync(file, path.join(dir, file))
  const lock = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex')
  const stamp = path.join(dir, 'node_modules', '.bare-site-lock')
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) return
  rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true })
  // Hard links, not a symlink: Turbopack does not follow a link out of its root.
  const link = spawnSync('cp', ['-al', 'node_modules', path.join(dir, 'node_modules')], { encoding: 'utf8' })
  if (link.status !== 0) throw new Error(`linking node_modules into ${dir} failed: ${link.stderr}`)
  writeFileSync(stamp, lock)
}

function nextEnv(): NodeJS.ProcessEnv {
  const { NEXT_DIST_DIR: _site, ...env } = process.env
  return { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }
}

function nextBin(dir: string) {
  return path.join(dir, 'node_modules/next/dist/bin/next')
}

/**
 * Builds the bare site afresh, timed (linking node_modules the first time included). On a
 * machine under heavy load Turbopack can give up waiting for its MDX loader; one retry, said
 * in the log, keeps that from failing a benchmark run. A second failure is a real one.
 */
export function buildBareSite(): BareBuild {
  const started = Date.now()
  const dir = bareSiteDir()
  prepareCopy(dir)
  const build = () => spawnSync(process.execPath, [nextBin(dir), 'build'], { cwd: dir, env: nextEnv(), encoding: 'utf8' })
  let result = build()
  if (result.status !== 0) {
    console.log(`Building the bare Nextra site failed once; building it again. Its output:\n${result.stdout}\n${result.stderr}`)
    result = build()
  }
  if (result.status !== 0) throw new Error(`building the bare Nextra site failed:\n${result.stdout}\n${result.stderr}`)
  return { dir, distDir: bareDistDir(), buildSeconds: Math.round((Date.now() - started) / 100) / 10 }
}

/** The bare site's build (built first when there is none) served as `npm start` serves the site's, on a free port, owned by PID. */
export async function startBareSite({ port: from = 45100 }: { port?: number } = {}): Promise<BareServer> {
  if (!existsSync(path.join(bareDistDir(), 'BUILD_ID'))) buildBareSite()
  const dir = bareSiteDir()
  const port = await freePort(from, from + 99)
  const url = `http://127.0.0.1:${port}`
  const server = await spawnServer(['server.mjs'], {
    cwd: dir,
    env: { ...nextEnv(), PORT: String(port), HOST: '127.0.0.1' },
    readyUrl: url,
    name: "the bare site's server",
    stopSignal: 'SIGTERM',
  })
  return { url, port, ...server }
}

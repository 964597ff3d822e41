import { readFileSync } from 'node:fs'
import path from 'node:path'
import packageJson from '@/package.json'
import type { HostedSetup } from '@/sandbox/experiment-types'
import { VENDOR_PACKAGES } from '@/sandbox/runner/vendor-modules'
import { highlight, TokenStyles } from '../highlight'
import { readerPath } from '../read-source'
import { tokenClasses } from '../token-classes'
import { ExperimentLoader } from '@/site/components/near-screen/experiment-loader'
import { readExperiment } from './read-experiment'

/**
 * An editable, runnable experiment: the files of demos/experiments/<workflow>/,
 * read at build time. The page ships them highlighted, so the code is on screen
 * before the editor loads; the editor and the preview load when the experiment
 * nears the viewport, or on a click.
 */
export async function Experiment({ workflow }: { workflow: string }) {
  const { entry, files } = readExperiment(workflow)
  const tokens = tokenClasses()
  const highlighted = Object.fromEntries(
    await Promise.all(
      files.map(async ({ path, code }) => {
        const lang = path.endsWith('.tsx') ? 'tsx' : 'ts'
        return [path, await highlight(code.replace(/\n$/, ''), { lang, tokens })] as const
      }),
    ),
  )
  return (
    <>
      <TokenStyles tokens={tokens} />
      <ExperimentLoader
        workflow={workflow}
        entry={entry}
        files={files.map(({ path, code, source }) => ({ path, code, source: sharedSource(source) }))}
        highlighted={highlighted}
        hosted={process.env.NEXT_PUBLIC_SANDPACK_BUNDLER === 'hosted' ? hostedSetup() : undefined}
      />
    </>
  )
}

/** For a file the sandbox takes from the reference app: the path a reader would use. */
function sharedSource(source: string) {
  return source.startsWith('demos/experiments/') ? undefined : readerPath(source)
}

/** Sandpack's hosted bundler installs from npm: pin the versions this site runs, and bring the runner's styles. */
function hostedSetup(): HostedSetup {
  const dependencies = Object.fromEntries(VENDOR_PACKAGES.map((name) => [name, (packageJson.dependencies as Record<string, string>)[name]]))
  // Read at build time only (docs pages are prerendered).
  const styles = readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), 'sandbox/runner/runner.css'), 'utf8')
  return { dependencies, styles }
}

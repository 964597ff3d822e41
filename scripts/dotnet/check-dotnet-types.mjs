// `node scripts/dotnet/check-dotnet-types.mjs [--no-build]`: does the site's
// code type-check against TypeScript generated from the .NET API's own OpenAPI
// document, as it does against the committed types generated from the mock's?
//
// The generated types replace demos/lib/api/dotnet-api.d.ts in memory only: the
// check runs the TypeScript compiler (tsc --noEmit, over tsconfig.json) with a
// host that reads that one path from the generated text. The file on disk is
// never touched, so an interrupted run cannot leave the wrong types behind, and
// every import of it counts: './dotnet-api', '@/demos/lib/api/dotnet-api' and
// '../../demos/lib/api/dotnet-api' alike.
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'
import { requireDotnetSdk } from './require-dotnet-sdk.mjs'
import { startDotnetApi } from './start-dotnet-api.mjs'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const apiTypesPath = resolve(repoRoot, 'demos', 'lib', 'api', 'dotnet-api.d.ts')
const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } })

requireDotnetSdk('The .NET type check (the site against TypeScript generated from the .NET API\'s OpenAPI document)')

// 1. The .NET API's document, as a client generator would fetch it. Its own
//    storage folder: a fresh database clears the folder it is given.
const storagePath = await mkdtemp(join(tmpdir(), 'dotnet-api-attachments-'))
const api = await startDotnetApi({
  build: !values['no-build'],
  env: { Jwt__SigningKey: randomBytes(32).toString('base64url'), Demo__Enabled: 'true', Uploads__StoragePath: storagePath },
})
let document
try {
  const response = await fetch(`${api.url}/openapi/v1.json`)
  if (!response.ok) throw new Error(`GET /openapi/v1.json answered ${response.status}`)
  document = await response.json()
} finally {
  await api.stop()
  await rm(storagePath, { recursive: true, force: true })
}

// 2. TypeScript from it, with the same generator `npm run api:types` uses. Kept
//    on disk for a reader to diff against the committed file when the check fails.
const generated = astToString(await openapiTS(document, { silent: true }))
const generatedPath = join(await mkdtemp(join(tmpdir(), 'dotnet-api-types-')), 'dotnet-api.d.ts')
await writeFile(generatedPath, generated)

// 3. tsc --noEmit over the repository, with the generated types in place of the committed ones.
const errors = typeCheck(generated)
if (errors.length === 0) {
  console.log('The site type-checks against the TypeScript generated from the .NET API\'s OpenAPI document.')
  process.exit(0)
}
console.error(format(errors))
// Tell "the .NET document differs" from "the site is broken anyway".
const baseline = typeCheck(null)
console.error(
  baseline.length > 0
    ? `The site does not type-check with its committed types either (${baseline.length} errors): run \`npm run typecheck\` and fix that first.`
    : `The site's code does not type-check against the TypeScript generated from the .NET API's OpenAPI document (${errors.length} errors above), ` +
        `though it does against the committed demos/lib/api/dotnet-api.d.ts. The generated file is ${generatedPath}; ` +
        'diff it with the committed one and change the C# (dotnet/Api) until the document says what the mock\'s says.',
)
process.exit(1)

/** @param {string | null} replacement The text to read for demos/lib/api/dotnet-api.d.ts, or null for the file on disk. */
function typeCheck(replacement) {
  const config = ts.getParsedCommandLineOfConfigFile(join(repoRoot, 'tsconfig.json'), { noEmit: true, incremental: false }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(format([diagnostic]))
    },
  })
  const host = ts.createCompilerHost(config.options)
  if (replacement !== null) {
    const { readFile, getSourceFile } = host
    const isApiTypes = (fileName) => resolve(fileName) === apiTypesPath
    host.readFile = (fileName) => (isApiTypes(fileName) ? replacement : readFile.call(host, fileName))
    host.getSourceFile = (fileName, language, ...rest) =>
      isApiTypes(fileName) ? ts.createSourceFile(fileName, replacement, language) : getSourceFile.call(host, fileName, language, ...rest)
  }
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host, projectReferences: config.projectReferences })
  return [...config.errors, ...ts.getPreEmitDiagnostics(program)]
}

function format(diagnostics) {
  return ts.formatDiagnosticsWithColorAndContext(diagnostics, {
    getCanonicalFileName: (fileName) => fileName,
    getCurrentDirectory: () => repoRoot,
    getNewLine: () => '\n',
  })
}

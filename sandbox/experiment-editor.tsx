'use client'

import { SandpackCodeEditor, SandpackConsole, SandpackPreview, SandpackProvider, useSandpack } from '@codesandbox/sandpack-react'
import { useTheme } from 'nextra-theme-docs'
import { useEffect, useEffectEvent, useMemo } from 'react'
import type { EditorHandle, ExperimentSourceFile, HostedSetup } from './experiment-types'
import type { SandboxFiles } from './runner/runner-protocol'
import { measure } from './measure'
import { sandpackTheme } from './sandpack-theme'

type Props = {
  workflow: string
  entry: string
  files: ExperimentSourceFile[]
  activeFile: string
  hosted?: HostedSetup
  onReady: (editor: EditorHandle) => void
  onEdit: (files: SandboxFiles, dirty: boolean) => void
}

/**
 * Sandpack's editor (file tabs, CodeMirror) over the experiment's files. The
 * site's runner previews them (runner-preview.tsx); with a hosted setup,
 * Sandpack's own bundler on codesandbox.io does, inside this provider.
 */
export default function ExperimentEditor({ workflow, entry, files, activeFile, hosted, onReady, onEdit }: Props) {
  const { resolvedTheme } = useTheme()
  const theme = useMemo(() => sandpackTheme(resolvedTheme === 'dark' ? 'dark' : 'light'), [resolvedTheme])
  const paths = useMemo(() => files.map((file) => file.path), [files])
  // Stable identities: Sandpack puts every file back to its original when its
  // `files` or `customSetup` prop changes, which would throw the reader's edits away.
  const setup = useMemo(() => {
    const sandpackFiles = Object.fromEntries(files.map((file) => [file.path, { code: file.code }]))
    return hosted
      ? ({ template: 'react-ts', customSetup: { dependencies: hosted.dependencies }, files: { ...sandpackFiles, '/styles.css': { code: hosted.styles, hidden: true } } } as const)
      : ({ customSetup: { entry }, files: sandpackFiles } as const)
  }, [files, hosted, entry])
  const options = useMemo(() => ({ visibleFiles: paths, activeFile, id: workflow }), [paths, activeFile, workflow])

  return (
    <SandpackProvider {...setup} theme={theme} options={options} className="bff-experiment-sandpack">
      <div className="bff-experiment-editor">
        <SandpackCodeEditor showTabs showLineNumbers initMode="immediate" />
      </div>
      <ReportEdits paths={paths} onReady={onReady} onEdit={onEdit} workflow={workflow} />
      {hosted && (
        <div className="bff-experiment-preview">
          <SandpackPreview className="bff-experiment-frame" showOpenInCodeSandbox={false} />
          <SandpackConsole className="bff-experiment-console" />
        </div>
      )}
    </SandpackProvider>
  )
}

function ReportEdits({ paths, workflow, onReady, onEdit }: { paths: string[]; workflow: string; onReady: Props['onReady']; onEdit: Props['onEdit'] }) {
  const { sandpack } = useSandpack()
  const { files, editorState, resetAllFiles } = sandpack

  // An effect event: the editor is registered once, on mount. resetAllFiles
  // changes identity with every edit, and the first one resets just as well.
  const registerEditor = useEffectEvent(function registerEditor() {
    measure(`experiment:${workflow}:editor`, `experiment:${workflow}:start`)
    onReady({ reset: resetAllFiles })
  })
  useEffect(function registerOnMount() {
    registerEditor()
  }, [])

  useEffect(
    function reportEdits() {
      onEdit(Object.fromEntries(paths.map((path) => [path, files[path]?.code ?? ''])), editorState === 'dirty')
    },
    [files, editorState, paths, onEdit],
  )
  return null
}

'use client'

import { type ComponentType, type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import type { EditorHandle, ExperimentSourceFile, HostedSetup } from '@/sandbox/experiment-types'
import type { SandboxFiles } from '@/sandbox/runner/runner-protocol'
// Not in content/: Nextra's importPage can require any file there, so a client component
// in content/ would load on every docs page. Its stylesheet comes with the page
// (site/components/near-screen/experiment-loader.tsx), not with this lazy chunk.

// Neither is in the page's first-load JavaScript: each chunk is fetched when the
// experiment starts, and the preview runs before the (much larger) editor loads.
const loadEditor = () => import('@/sandbox/experiment-editor')
const loadPreview = () => import('@/sandbox/runner-preview')

/**
 * A component from a chunk fetched on request. Not React.lazy: a Suspense
 * boundary holds content that just loaded back for about 300 ms, so nested
 * boundaries do not pop in one by one, and that would be most of the first
 * run's budget. The chunk is split off all the same: only import() names it.
 */
function useChunk<P>(load: () => Promise<{ default: ComponentType<P> }>, onError: (error: unknown) => void) {
  const [component, setComponent] = useState<ComponentType<P> | null>(null)
  const requested = useRef(false)
  const request = useCallback(() => {
    if (requested.current) return
    requested.current = true
    load().then((module) => setComponent(() => module.default), onError)
  }, [load, onError])
  return [component, request] as const
}

type Props = {
  workflow: string
  entry: string
  files: ExperimentSourceFile[]
  /** Each file highlighted at build time, keyed by sandbox path. */
  highlighted: Record<string, ReactNode>
  /** Set when NEXT_PUBLIC_SANDPACK_BUNDLER=hosted: Sandpack's own bundler runs the preview. */
  hosted?: HostedSetup
}

export function ExperimentLoader({ workflow, entry, files, highlighted, hosted }: Props) {
  const rootRef = useRef<HTMLElement>(null)
  const startedRef = useRef(false)
  const [started, setStarted] = useState(false)
  const [failed, setFailed] = useState(false)
  const [activeFile, setActiveFile] = useState(entry)
  const [current, setCurrent] = useState<SandboxFiles>(() => Object.fromEntries(files.map((file) => [file.path, file.code])))
  const [editor, setEditor] = useState<EditorHandle | null>(null)
  const [dirty, setDirty] = useState(false)
  const onLoadError = useCallback(() => setFailed(true), [])
  const [Editor, requestEditor] = useChunk(loadEditor, onLoadError)
  const [Preview, requestPreview] = useChunk(loadPreview, onLoadError)

  const start = useCallback(() => {
    if (startedRef.current) return
    startedRef.current = true
    performance.mark(`experiment:${workflow}:start`)
    setStarted(true)
    // With the hosted bundler, Sandpack's own preview comes with the editor.
    if (hosted) requestEditor()
    else requestPreview()
  }, [workflow, hosted, requestEditor, requestPreview])

  // The editor is the heavy chunk. With this site's runner it loads once the
  // preview has run, so the two do not compete for the main thread; a click on
  // the code loads it at once.
  const wantEditor = useCallback(() => {
    start()
    requestEditor()
  }, [start, requestEditor])

  useEffect(
    function loadEditorAnyway() {
      if (!started) return
      const timer = setTimeout(requestEditor, 2000)
      return () => clearTimeout(timer)
    },
    [started, requestEditor],
  )

  useEffect(
    function startNearViewport() {
      const element = rootRef.current
      if (!element || started) return
      const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && start(), { rootMargin: '600px 0px' })
      observer.observe(element)
      return () => observer.disconnect()
    },
    [started, start],
  )

  const onEdit = useCallback((files: SandboxFiles, isDirty: boolean) => {
    setCurrent(files)
    setDirty(isDirty)
  }, [])

  const codePlaceholder = (
    <div className="bff-experiment-editor">
      <CodePlaceholder files={files} activeFile={activeFile} highlighted={highlighted} onSelect={(path) => {
          setActiveFile(path)
          wantEditor()
        }} onOpen={wantEditor} />
    </div>
  )
  const previewPlaceholder = <PreviewPlaceholder onStart={start} started={started} />
  const editorElement = Editor && (
    <Editor workflow={workflow} entry={entry} files={files} activeFile={activeFile} hosted={hosted} onReady={setEditor} onEdit={onEdit} />
  )
  const shared = files.filter((file) => file.source)
  const status = failed ? 'The experiment could not load; reload the page to try again.' : !started ? 'Loads as you scroll here.' : editor ? 'Edit the code; the preview follows.' : 'Loading the editor…'

  return (
    <section ref={rootRef} className="bff-experiment" aria-label={`Experiment: ${workflow}`} data-experiment={workflow}>
      <div className="bff-experiment-toolbar">
        <strong>Experiment</strong>
        <span className="bff-experiment-status">{status}</span>
        <button type="button" onClick={() => editor?.reset()} disabled={!editor || !dirty}>
          Reset
        </button>
      </div>
      {hosted ? (
        (editorElement ?? (
          <>
            {codePlaceholder}
            {previewPlaceholder}
          </>
        ))
      ) : (
        <>
          {editorElement ?? codePlaceholder}
          {Preview ? <Preview workflow={workflow} entry={entry} files={current} onSettled={wantEditor} /> : previewPlaceholder}
        </>
      )}
      <p className="bff-experiment-hint">
        {shared.map((file) => (
          <span key={file.path}>
            <code>{file.path.slice(1)}</code> is the site&apos;s own <code>{file.source}</code>.{' '}
          </span>
        ))}
        Keyboard: in the editor, <kbd>Enter</kbd> starts editing and <kbd>Tab</kbd> indents; press <kbd>Esc</kbd>, then <kbd>Tab</kbd>, to move on.
      </p>
    </section>
  )
}

type CodePlaceholderProps = { files: ExperimentSourceFile[]; activeFile: string; highlighted: Record<string, ReactNode>; onSelect: (path: string) => void; onOpen: () => void }

function CodePlaceholder({ files, activeFile, highlighted, onSelect, onOpen }: CodePlaceholderProps) {
  return (
    <div className="bff-experiment-placeholder" data-placeholder="code">
      <div className="bff-experiment-tabs">
        {files.map((file) => (
          <button key={file.path} type="button" aria-pressed={file.path === activeFile} onClick={() => onSelect(file.path)}>
            {file.path.slice(1)}
          </button>
        ))}
      </div>
      {/* A click loads the editor; keyboard users get it moments later, when the preview has run. */}
      <div className="bff-experiment-code" onClick={onOpen}>
        {highlighted[activeFile]}
      </div>
    </div>
  )
}

function PreviewPlaceholder({ onStart, started }: { onStart: () => void; started: boolean }) {
  return (
    <div className="bff-experiment-preview" data-placeholder="preview">
      <div className="bff-experiment-frame bff-experiment-frame-empty">
        {started ? <p>Starting the preview…</p> : <button type="button" onClick={onStart}>Run the experiment</button>}
      </div>
      <div className="bff-experiment-console-bar">
        <span>Console</span>
      </div>
      <div className="bff-experiment-console" />
    </div>
  )
}

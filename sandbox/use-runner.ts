'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { measure } from './measure'
import { type ConsoleLevel, isRunnerMessage, type RunnerError, type RunRequest, type SandboxFiles } from './runner/runner-protocol'

export type ConsoleEntry = { id: number; level: ConsoleLevel; text: string }
export type RunnerStatus = 'starting' | 'running' | 'ok' | 'error'

// Long enough to wait for a pause in typing, short enough to feel live.
const EDIT_DEBOUNCE_MS = 300
const CONSOLE_LIMIT = 200

/**
 * The page's side of the runner protocol: sends the files to the iframe once it
 * says it is ready, and again after each edit, and collects what it reports.
 */
export function useRunner({ workflow, entry, files, onSettled }: { workflow: string; entry: string; files: SandboxFiles; onSettled?: () => void }) {
  const frameRef = useRef<HTMLIFrameElement>(null)
  const runIdRef = useRef(0)
  const sentRef = useRef<string | null>(null)
  const measuredRef = useRef(false)
  const nextEntryId = useRef(0)
  const [frameKey, setFrameKey] = useState(0)
  const [ready, setReady] = useState(false)
  const [status, setStatus] = useState<RunnerStatus>('starting')
  const [error, setError] = useState<RunnerError | null>(null)
  const [entries, setEntries] = useState<ConsoleEntry[]>([])
  const [runId, setRunId] = useState(0)

  useEffect(
    function listenToRunner() {
      function onMessage(event: MessageEvent) {
        // Only our own iframe; its origin is opaque ("null"), so the window is what identifies it.
        if (event.source !== frameRef.current?.contentWindow || !isRunnerMessage(event.data)) return
        const message = event.data
        if (message.type === 'ready') {
          if (!measuredRef.current) measure(`experiment:${workflow}:runner-ready`, `experiment:${workflow}:start`, { bootMs: message.bootMs })
          sentRef.current = null
          setReady(true)
          return
        }
        if (message.runId !== runIdRef.current) return
        if (message.type === 'console') {
          const entry = { id: nextEntryId.current++, level: message.level, text: message.text }
          setEntries((previous) => [...previous.slice(-(CONSOLE_LIMIT - 1)), entry])
        } else if (message.type === 'error') {
          setError(message.error)
          setStatus('error')
          onSettled?.()
        } else {
          setError(null)
          setStatus('ok')
          if (!measuredRef.current) measure(`experiment:${workflow}:first-run`, `experiment:${workflow}:start`, message.timings)
          measuredRef.current = true
          onSettled?.()
        }
      }
      window.addEventListener('message', onMessage)
      return () => window.removeEventListener('message', onMessage)
    },
    [workflow, onSettled],
  )

  useEffect(
    function sendFiles() {
      const serialized = JSON.stringify(files)
      if (!ready || serialized === sentRef.current) return
      // The first run goes at once; edits wait for a pause in typing.
      const timer = setTimeout(
        () => {
          runIdRef.current += 1
          setRunId(runIdRef.current)
          sentRef.current = serialized
          setEntries([])
          setStatus('running')
          const request: RunRequest = { type: 'run', runId: runIdRef.current, entry, files }
          // The runner's origin is opaque, so no target origin can name it; the message holds only the reader's code.
          frameRef.current?.contentWindow?.postMessage(request, '*')
        },
        sentRef.current === null ? 0 : EDIT_DEBOUNCE_MS,
      )
      return () => clearTimeout(timer)
    },
    [ready, files, entry],
  )

  const restart = useCallback(() => {
    setReady(false)
    setError(null)
    setEntries([])
    setStatus('starting')
    setFrameKey((key) => key + 1)
  }, [])

  return {
    frameRef,
    frameKey,
    runId,
    status,
    error,
    entries,
    restart,
    dismissError: useCallback(() => setError(null), []),
    clearConsole: useCallback(() => setEntries([]), []),
  }
}

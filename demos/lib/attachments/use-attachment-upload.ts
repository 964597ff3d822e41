import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { UploadContentType } from './attachment-schemas'
import { requestUploadGrant } from './attachments-api'
import { attachmentKeys } from './attachments-query'
import { checkFileBeforeUpload, type UploadProblem, uploadErrorMessage } from './upload-error-message'
import { uploadFile } from './upload-file'

export type UploadProgress = { loaded: number; total: number }

/** Thrown for what the page refuses itself, before asking for a grant. */
class RefusedBeforeUpload extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem.message)
  }
}

// #region attachment-upload
/**
 * Attaches one file to a goal: a grant through the BFF, then the file straight
 * to the API, with progress, cancel and retry. Each attempt asks for a new
 * grant, because a token is spent by the first PUT that presents it, even one
 * that fails or is cancelled.
 */
export function useAttachmentUpload(goalId: string) {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const controller = useRef<AbortController | null>(null)

  const mutation = useMutation({
    async mutationFn(file: File) {
      const refused = checkFileBeforeUpload(file)
      if (refused) throw new RefusedBeforeUpload(refused)
      const abort = new AbortController()
      controller.current = abort
      setProgress({ loaded: 0, total: file.size })
      // One of the API's types: checkFileBeforeUpload refused anything else just above.
      const contentType = file.type as UploadContentType
      // 1. A grant from the BFF: same-origin, X-CSRF, the bearer token added on the server.
      const grant = await requestUploadGrant(goalId, { fileName: file.name, size: file.size, contentType }, abort.signal)
      // 2. The file straight to the API. The token lives in `grant`, in this call only.
      return uploadFile(grant, file, {
        contentType,
        signal: abort.signal,
        onProgress: (loaded, total) => setProgress({ loaded, total }),
      })
    },
    // 3. The list is the API's: read it again rather than guess it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentKeys.list(goalId) }),
    onSettled: () => {
      controller.current = null
      setProgress(null)
    },
  })

  // Leaving the page stops the upload; its grant dies unused.
  useEffect(function cancelOnUnmount() {
    return () => controller.current?.abort()
  }, [])

  const { error } = mutation
  const cancelled = error instanceof DOMException && error.name === 'AbortError'
  const problem = !error || cancelled ? null : error instanceof RefusedBeforeUpload ? error.problem : uploadErrorMessage(error)

  return {
    start: (file: File) => mutation.mutate(file),
    cancel: () => controller.current?.abort(new DOMException('The upload was cancelled.', 'AbortError')),
    /** The same file again, with a new grant. */
    retry: () => mutation.variables && mutation.mutate(mutation.variables),
    uploading: mutation.isPending,
    progress,
    file: mutation.variables,
    uploaded: mutation.data,
    cancelled,
    problem,
  }
}
// #endregion attachment-upload

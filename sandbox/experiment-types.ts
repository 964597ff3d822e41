/** A sandbox file as the page sends it: `/App.tsx` and its code. */
export type ExperimentSourceFile = {
  path: string
  code: string
  /** Set when the file is the reference app's own (`lib/auth/login-schema.ts`). */
  source?: string
}

/** What Sandpack's hosted bundler needs (NEXT_PUBLIC_SANDPACK_BUNDLER=hosted). */
export type HostedSetup = { dependencies: Record<string, string>; styles: string }

/** What the loaded editor lets the page do: the toolbar's Reset. */
export type EditorHandle = { reset: () => void }

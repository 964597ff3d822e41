/** A file that does not compile, with where: shown over the preview, and fails the docs build. */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message)
    this.name = 'CompileError'
  }
}

/** A document (an inline patch, a patch file, a desired-state file) that is refused, and why. */
export class DocumentError extends Error {
  constructor(
    message: string,
    /** 1-based line of the problem, where the parser knows it. */
    readonly line?: number
  ) {
    super(message)
    this.name = 'DocumentError'
  }
}

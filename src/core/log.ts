/** The one log every stage and edge writes to; the runner's implementation scrubs and defuses it. */
import type { InputLocation } from './errors.js'

export interface Annotation extends InputLocation {
  /** Shown above the annotation's text in the pull request and the run's page. */
  title?: string
}

export interface Log {
  /** Written only when step debugging is on. */
  debug(message: string): void
  info(message: string): void
  notice(message: string, where?: Annotation): void
  warning(message: string, where?: Annotation): void
  error(message: string, where?: Annotation): void
}

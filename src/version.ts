/** The action's version: package.json's, the one place it is kept (the release workflow reads it). */
import packageJson from '../package.json' with { type: 'json' }

export const VERSION: string = packageJson.version

export const USER_AGENT = `launchdarkly-integration-configuration-action/${VERSION} node/${process.version}`

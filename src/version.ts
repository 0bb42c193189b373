/** The action's version, as in package.json (a unit test keeps the two equal). */
export const VERSION = '1.0.0'

export const USER_AGENT = `launchdarkly-integration-configuration-action/${VERSION} node/${process.version}`

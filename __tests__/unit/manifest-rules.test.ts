/**
 * One test per rule the manifests give, on the real manifests (spec/launchdarkly-manifests). No
 * integration that supports configurations has a boolean or a uri key today, so those two rules are
 * shown on a manifest made for the test, shaped as the framework defines them.
 */
import {
  checkConfigValues,
  configValueProblems,
  lockedKeysChanged,
  type Manifests
} from '../../src/core/manifest-rules.js'
import { MANIFESTS } from '../../src/generated/manifests.js'

const check = (
  integrationKey: string,
  configValues: Record<string, unknown>,
  options: { creating?: boolean; written?: string[] } = {}
) =>
  checkConfigValues({
    integrationKey,
    configValues,
    written: options.written ?? Object.keys(configValues),
    creating: options.creating ?? false
  })

describe('manifest rules, on the real manifests', () => {
  it('a creation needs every key the manifest does not mark optional', () => {
    expect(check('gitar', { gitarToken: 't' }, { creating: true }).errors).toEqual([
      expect.stringMatching(/Gitar needs githubOrgName \(.*\) in configValues/)
    ])
    expect(
      check('gitar', { gitarToken: 't', githubOrgName: 'acme' }, { creating: true }).errors
    ).toEqual([])
    // Optional keys (publicKey, privateKey...) may be left out; required ones (selectedEnv) not.
    const snowflake = check(
      'snowflake-experimentation',
      { snowflakeHostAddress: 'https://x.snowflakecomputing.com' },
      { creating: true }
    )
    expect(snowflake.errors.join(' ')).toMatch(/selectedEnv/)
    expect(snowflake.errors.join(' ')).not.toMatch(/privateKey|publicKey/)
  })

  it('an enum value must be one the manifest allows', () => {
    expect(check('aiconfig-test-run', { provider: 'Mistral' }).errors).toEqual([
      'configValues.provider (Model Provider) must be one of Anthropic, Bedrock, OpenAI, not "Mistral".'
    ])
    expect(check('aiconfig-test-run', { provider: 'OpenAI' }).errors).toEqual([])
  })

  it('a string key takes a string', () => {
    expect(check('custom-approvals', { baseURL: 42 }).errors).toEqual([
      expect.stringMatching(/configValues\.baseURL .* must be a string, not 42/)
    ])
  })

  it('a multiselect key takes a list of strings', () => {
    expect(check('pagerduty-guardian-edition', { eventFilter: 'all' }).errors).toEqual([
      expect.stringMatching(/eventFilter .* must be a list of strings/)
    ])
    expect(check('pagerduty-guardian-edition', { eventFilter: ['a', 'b'] }).errors).toEqual([])
  })

  it('names a typo of a required key as the typo, with the key it likely meant (issue 19)', () => {
    const values = { baseURL: 'https://approvals.example.com', apiKye: 'x' }
    expect(configValueProblems('custom-approvals', values, ['apiKey', 'apiKye'])).toEqual([
      {
        key: 'apiKye',
        message:
          "configValues.apiKye is not a key of Custom Approvals's manifest: did you mean apiKey (API Token)? apiKey is required, so it cannot be left out."
      }
    ])
  })

  it('a secret value is never quoted in a message', () => {
    const [problem] = configValueProblems('custom-approvals', { apiKey: 12345 }, ['apiKey'])
    expect(problem?.message).toMatch(/must be a string, not the value given/)
    expect(problem?.message).not.toContain('12345')
  })

  it('a required key cannot be removed', () => {
    expect(check('custom-approvals', {}, { written: ['baseURL'] }).errors).toEqual([
      expect.stringMatching(/configValues\.baseURL .* is required by the manifest/)
    ])
  })

  it('a key locked after saving cannot be changed on a live configuration', () => {
    expect(lockedKeysChanged('snowflake-experimentation', ['snowflakeHostAddress'])).toMatch(
      /does not allow editing snowflakeHostAddress \(Snowflake account URL\) after the configuration is saved/
    )
    expect(lockedKeysChanged('snowflake-experimentation', ['privateKey'])).toBeUndefined()
    expect(lockedKeysChanged('custom-approvals', ['baseURL'])).toBeUndefined()
  })

  it('a key the manifest does not know is a warning that names the known ones', () => {
    const findings = check('custom-approvals', { baseUrl: 'https://x.example.com' })
    expect(findings.errors).toEqual([])
    expect(findings.warnings).toEqual([
      expect.stringMatching(
        /configValues\.baseUrl is not a key of .* \(did you mean baseURL\?\); its keys are apiKey, baseURL/
      )
    ])
  })

  it('an integration that needs OAuth is a warning when created', () => {
    for (const integrationKey of ['servicenow-app', 'custom-approvals-oauth']) {
      expect(MANIFESTS[integrationKey]?.requiresOAuth).toBe(true)
      expect(check(integrationKey, {}, { creating: true }).warnings).toEqual([
        expect.stringMatching(/needs an OAuth connection, which only LaunchDarkly's UI can make/)
      ])
      expect(check(integrationKey, {}, { creating: false, written: [] }).warnings).toEqual([])
    }
  })

  it('an integration without a manifest here is passed through, with a notice', () => {
    const findings = check('datadog', { anything: 1 }, { creating: true })
    expect(findings.errors).toEqual([])
    expect(findings.notices).toEqual([
      expect.stringMatching(/no manifest of integration "datadog" .* sent as they are, unchecked/)
    ])
  })
})

describe('manifest rules with no instance among the real manifests', () => {
  const manifests: Manifests = {
    example: {
      name: 'Example',
      requiresOAuth: false,
      formVariables: [
        {
          key: 'notify',
          name: 'Notify',
          type: 'boolean',
          isOptional: true,
          isSecret: false,
          isHidden: false,
          disableAfterSaving: false
        },
        {
          key: 'endpoint',
          name: 'Endpoint',
          type: 'uri',
          isOptional: true,
          isSecret: false,
          isHidden: false,
          disableAfterSaving: false
        }
      ]
    }
  }
  const problems = (values: Record<string, unknown>) =>
    configValueProblems('example', values, Object.keys(values), manifests).map(p => p.message)

  it('a boolean key takes a boolean, not the string "true"', () => {
    expect(problems({ notify: 'true' })).toEqual([
      'configValues.notify (Notify) must be true or false (a YAML or JSON boolean, unquoted), not "true".'
    ])
    expect(problems({ notify: false })).toEqual([])
  })

  it('a uri key takes an http or https URL', () => {
    expect(problems({ endpoint: 'hooks.example.com/x' })).toEqual([
      'configValues.endpoint (Endpoint) must be an http or https URL, not "hooks.example.com/x".'
    ])
    expect(problems({ endpoint: 'javascript:alert(1)' })).toHaveLength(1)
    expect(problems({ endpoint: 'https://hooks.example.com/x' })).toEqual([])
  })
})

/**
 * The report of an export: which files were written, and the secrets the files refer to, with the
 * `env:` block to paste into the workflow and the repository secrets to create.
 */
import type { ExportReport } from '../export.js'
import type { RedactedOutcome } from '../redact.js'
import { fenced, literal, text } from './markdown.js'
import { failureCallouts, plural, type ReportFacts } from './parts.js'

export function renderExportSummary(
  exported: ExportReport,
  outcomes: readonly RedactedOutcome[],
  facts: ReportFacts & { directory: string }
): string {
  const count = exported.files.reduce((sum, file) => sum + file.count, 0)
  const parts = [
    `### LaunchDarkly integration configurations · ${text(
      `Exported ${plural(count, 'configuration')} of ${plural(exported.files.length, 'integration')} to ${facts.directory} · ${facts.instance}`,
      400
    )}`,
    ...failureCallouts(outcomes, facts),
    exported.files.length > 0
      ? exported.files
          .map(
            file =>
              `- 📄 ${literal(file.path)}: ${plural(file.count, 'configuration')} of ${text(file.integrationKey)}`
          )
          .join('\n')
      : outcomes.some(o => o.status === 'failed')
        ? '_No file was written._'
        : '_No integration has configurations: no file was written._',
    ...(exported.variables.length > 0 ? secretsSection(exported) : [])
  ]
  return `${parts.join('\n\n')}\n`
}

function secretsSection(exported: ExportReport): string[] {
  const env = exported.variables
    .map(variable => `  ${variable.name}: \${{ secrets.${variable.name} }}`)
    .join('\n')
  return [
    '#### Secrets to create',
    'The files hold no secret: each one is a `${VAR}` read from the environment of the step that plans or applies them. Create these repository secrets (Settings → Secrets and variables → Actions), each with the value LaunchDarkly holds:',
    exported.variables
      .map(
        variable =>
          `- ${literal(variable.name)}: ${text(variable.configuration)} (${text(variable.integrationKey)}), ${literal(variable.path)}`
      )
      .join('\n'),
    'Then give them to that step:',
    fenced(`env:\n${env}`, 'yaml')
  ]
}

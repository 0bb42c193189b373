/**
 * The pull request comment of a run: the Markdown the renderers make, wrapped in the protocol
 * lines plan-comment.ts writes. What the comment approved stays unless a new plan replaces it; the
 * record of apply attempts is only ever added to (a failed run takes nothing away). A failed or
 * refused apply also posts one short notification; plans and successful applies are silent edits.
 */
import type { InputLocation } from '../core/errors.js'
import { configurationKey, planEntries, planFingerprint } from '../core/fingerprint.js'
import { guardrailsSet } from '../core/guardrail-types.js'
import type { Settings } from '../core/inputs.js'
import type { Failure } from '../core/outcome.js'
import {
  formatComment,
  protocolLength,
  type ApplyAttempt,
  type CommentState,
  type PlanComment
} from '../core/plan-comment.js'
import type { RedactedOutcome } from '../core/redact.js'
import { attemptHistory } from '../core/render/approval.js'
import {
  COMMENT_LIMIT,
  renderComment,
  renderFailureComment,
  type CommentFacts
} from '../core/render/comment.js'
import { link, text } from '../core/render/markdown.js'
import { headline, type ReportFacts } from '../core/render/parts.js'
import type { PullRequestSession } from '../io/github.js'
import type { Runner } from '../io/runner.js'
import { commitLinks, runIdUrl, runLink, runUrl, type RunContext } from '../io/run-context.js'

export interface CommentParts {
  outcomes: RedactedOutcome[]
  failure: Failure | undefined
  settings: Settings
  key: string
  context: RunContext
  facts: ReportFacts & { refused: boolean }
  refusal: CommentFacts['refusal']
}

/** The comment of a plan or an apply, and the notification of a failed one. */
export async function writeComment(
  session: PullRequestSession,
  runner: Runner,
  parts: CommentParts
): Promise<void> {
  const { outcomes, failure, settings, key, context, facts } = parts
  const refused = facts.refused
  const previous = session.comment
  // A plan is what the next apply approves; an apply keeps what was approved.
  const plan = settings.dryRun && !refused
  const state: CommentState = {
    ...(plan
      ? { approved: planEntries(outcomes) }
      : previous?.state.approved
        ? { approved: previous.state.approved }
        : {}),
    attempts: [
      ...(previous?.state.attempts ?? []),
      ...(settings.dryRun
        ? []
        : [attemptOf(outcomes, failure, refused, context, previous?.fingerprint)])
    ]
  }
  const protocol: Omit<PlanComment, 'version'> = {
    key,
    ...(plan
      ? { fingerprint: planFingerprint(outcomes, session.pull.url, await guardrailsPart(settings)) }
      : previous?.fingerprint
        ? { fingerprint: previous.fingerprint }
        : {}),
    state
  }
  const markdown = renderComment(outcomes, {
    ...facts,
    key,
    refusal: parts.refusal,
    history: attemptHistory(state.attempts, runIdUrl(context)),
    summaryUrl: runUrl(context),
    room: COMMENT_LIMIT - 1_000 - protocolLength(protocol)
  })
  const url = await session.write(formatComment(protocol, markdown))
  if (url) runner.setOutputs({ 'comment-url': url })
  if (!settings.dryRun && (refused || failure)) {
    await notify(session, headline(outcomes, facts), url, context)
  }
}

/** The comment of a run that could not start; what the comment approved, and its record, stay. */
export async function writeFailureComment(
  session: PullRequestSession,
  runner: Runner,
  parts: {
    message: string
    key: string
    context: RunContext
    location?: InputLocation
    excerpt?: string
  }
): Promise<void> {
  const { message, key, context, location, excerpt } = parts
  const sha = session.pull.headSha ?? context.sha
  const links = commitLinks(context, sha)
  const where = location?.file
    ? {
        file: location.file,
        line: location.line,
        url: links.fileUrl?.(location.file, location.line),
        excerpt,
        head: sha ? { sha, url: links.commitUrl(sha) } : undefined
      }
    : undefined
  const previous = session.comment
  const state: CommentState = previous?.state ?? { attempts: [] }
  const body = formatComment(
    { key, ...(previous?.fingerprint ? { fingerprint: previous.fingerprint } : {}), state },
    renderFailureComment(message, {
      key,
      run: runLink(context),
      where,
      history: attemptHistory(state.attempts, runIdUrl(context))
    })
  )
  const url = await session.write(body)
  if (url) runner.setOutputs({ 'comment-url': url })
}

/** The record of this apply attempt, for the comment's state. */
function attemptOf(
  outcomes: readonly RedactedOutcome[],
  failure: Failure | undefined,
  refused: boolean,
  context: RunContext,
  approved: string | undefined
): ApplyAttempt {
  const done = outcomes.filter(
    o => o.status === 'created' || o.status === 'updated' || o.status === 'deleted'
  )
  const failed = outcomes.filter(o => o.status === 'failed')
  return {
    runId: context.runId ?? '0',
    ...(context.runNumber ? { runNumber: context.runNumber } : {}),
    attempt: Number(context.runAttempt ?? '1') || 1,
    ...(approved ? { approved } : {}),
    outcome: refused
      ? 'refused'
      : failed.length > 0
        ? done.length > 0
          ? 'partly-applied'
          : 'failed'
        : done.length > 0
          ? 'applied'
          : 'up-to-date',
    ...(failure ? { reason: failure.reason } : {}),
    written: refused ? 0 : done.length,
    failed: refused ? 0 : failed.length,
    ...(refused
      ? {}
      : {
          results: [...done, ...failed].map(o => ({
            configuration: configurationKey(o),
            status: o.status
          }))
        })
  }
}

/** One short new comment, so that people watching the pull request hear of the failure. */
async function notify(
  session: PullRequestSession,
  said: string,
  url: string | undefined,
  context: RunContext
): Promise<void> {
  const where = url ? link('the LaunchDarkly comment', url) : 'the LaunchDarkly comment'
  const run = link(text(runLink(context).label), runLink(context).url)
  await session.notify(
    `**LaunchDarkly · ${text(said, 400)}** in ${run}. What happened and what to do: ${where}.`
  )
}

/** The guardrails' part of a plan's fingerprint: what the apply is checked against too. */
async function guardrailsPart(settings: Settings): Promise<string> {
  if (!guardrailsSet(settings.guardrails)) return ''
  const { guardrailsFingerprint } = await import('../core/guardrails.js')
  return guardrailsFingerprint(settings.guardrails)
}

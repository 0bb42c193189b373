export const id = 557;
export const ids = [557,26];
export const modules = {

/***/ 7026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMMENT_LIMIT: () => (/* binding */ COMMENT_LIMIT),
  commentMarker: () => (/* binding */ commentMarker),
  fingerprintOf: () => (/* binding */ fingerprintOf),
  planDetailsOf: () => (/* binding */ planDetailsOf),
  renderComment: () => (/* binding */ renderComment),
  renderFailureComment: () => (/* binding */ renderFailureComment),
  shortenCallout: () => (/* binding */ shortenCallout)
});

// EXTERNAL MODULE: ./src/core/render/markdown.ts
var markdown = __webpack_require__(7715);
// EXTERNAL MODULE: ./src/core/render/parts.ts
var parts = __webpack_require__(4914);
// EXTERNAL MODULE: ./src/core/render/rows.ts
var render_rows = __webpack_require__(7755);
;// CONCATENATED MODULE: ./src/core/render/comment-body.ts



/** A list of configurations in LaunchDarkly that no file describes, past this, is one line. */
const UNMANAGED_ROOM = 10_000;
/** Room kept for the note that says what was left out. */
const NOTE_ROOM = 4_000;
/** How many names a group lists in the comment (the job summary lists every one). */
const GROUP_NAMES = 50;
function fitBody(outcomes, facts, room) {
    const rows = (0,render_rows/* rowsOf */.RO)(outcomes);
    const open = (0,render_rows/* openRows */.Y7)(rows);
    const unchanged = outcomes.filter(o => o.status === 'unchanged' && !(0,render_rows/* isUnverified */.sU)(o));
    const unmanaged = outcomes.filter(o => o.status === 'unmanaged');
    const render = (row, options = {}) => (0,parts/* section */.uW)(row.outcomes[0], facts, {
        open: open.has(row),
        same: row.outcomes.slice(1),
        namesCap: options.namesCap ?? GROUP_NAMES,
        maxLines: options.maxLines
    });
    const unmanagedBlock = unmanaged.length > 0
        ? `**${(0,parts/* plural */.LS)(unmanaged.length, 'configuration')} in LaunchDarkly that no file describes**${
        // Each one prune left says why; without prune, the hint is what to do.
        unmanaged.some(o => o.notices.length === 0) ? ' (`prune: true` deletes them)' : ''}:\n\n${(0,parts/* unchangedLines */.P5)(unmanaged, facts)}`
        : undefined;
    const unmanagedLine = unmanaged.length > 0
        ? `_${(0,parts/* plural */.LS)(unmanaged.length, 'configuration')} in LaunchDarkly that no file describes (listed in the job summary)._`
        : undefined;
    const unchangedBlock = unchanged.length > 0
        ? `<details><summary>${(0,parts/* plural */.LS)(unchanged.length, 'configuration')} unchanged</summary>\n\n${(0,parts/* unchangedLines */.P5)(unchanged, facts)}\n\n</details>`
        : undefined;
    const unchangedLine = unchanged.length > 0 ? `_${(0,parts/* plural */.LS)(unchanged.length, 'configuration')} unchanged._` : undefined;
    const size = (parts) => parts.reduce((sum, part) => sum + (part ? part.length + 2 : 0), 0);
    const full = rows.map(row => render(row));
    const whole = [...full, unmanagedBlock, unchangedBlock];
    if (size(whole) <= room)
        return { note: undefined, parts: compact(whole) };
    // Shortening: the unchanged list first.
    const unmanagedShown = unmanagedBlock && unmanagedBlock.length > UNMANAGED_ROOM ? unmanagedLine : unmanagedBlock;
    const tail = [unmanagedShown, unchangedLine];
    const budget = room - NOTE_ROOM - size(tail);
    const shown = [...full];
    const droppedDiffs = new Set();
    let total = size(shown);
    // Then the diffs of plain updates, largest first, each replaced by a line.
    const plain = rows
        .map((row, i) => ({ row, i, size: full[i]?.length ?? 0 }))
        .filter(({ row }) => row.risk === 'update' || row.risk === 'unverified')
        .sort((a, b) => b.size - a.size);
    for (const { row, i, size } of plain) {
        if (total <= budget)
            break;
        const line = lineOf(row);
        total -= size - line.length;
        shown[i] = line;
        droppedDiffs.add(row);
    }
    // Then the lines of plain updates, from the last.
    let hiddenPlain = 0;
    for (const { i } of [...plain].sort((a, b) => b.i - a.i)) {
        if (total <= budget)
            break;
        total -= (shown[i]?.length ?? 0) + 2;
        shown[i] = undefined;
        hiddenPlain += 1;
    }
    // Past that, the risky diffs are cut in length (never dropped), then named by line.
    for (const maxLines of [40, 12, 4]) {
        if (total <= budget)
            break;
        rows.forEach((row, i) => {
            if (shown[i] === undefined || droppedDiffs.has(row))
                return;
            const cut = render(row, { namesCap: 5, maxLines });
            total -= (shown[i]?.length ?? 0) - cut.length;
            shown[i] = cut;
        });
    }
    let hiddenRisky = 0;
    for (let i = rows.length - 1; i >= 0 && total > budget; i--) {
        if (shown[i] === undefined)
            continue;
        total -= (shown[i]?.length ?? 0) + 2;
        shown[i] = undefined;
        hiddenRisky += 1;
    }
    const hidden = hiddenPlain + hiddenRisky;
    const more = hidden > 0
        ? `- … and ${(0,parts/* plural */.LS)(hidden, 'more row')} (${rows
            .filter((_row, i) => shown[i] === undefined)
            .reduce((sum, row) => sum + row.outcomes.length, 0)
            .toLocaleString('en-US')} configurations; in the job summary)`
        : undefined;
    const dropped = rows.filter(row => droppedDiffs.has(row) && shown[rows.indexOf(row)]);
    const leftOut = [
        unchanged.length > 0
            ? `the list of ${(0,parts/* plural */.LS)(unchanged.length, 'unchanged configuration')}`
            : undefined,
        dropped.length > 0 ? `the diffs of ${names(dropped)}` : undefined,
        hidden > 0 ? `the lines of ${(0,parts/* plural */.LS)(hidden, 'more row')}` : undefined
    ].filter(Boolean);
    const note = (0,markdown/* alert */.xE)('NOTE', `This comment is shortened to stay under GitHub's limit of 65,536 characters: the riskiest changes are kept. Left out: ${leftOut.join('; ')}. The ${(0,markdown/* link */.nf)('job summary', facts.summaryUrl)} has every configuration and change.`);
    return { note, parts: compact([...shown, more, ...tail]) };
}
/** A row whose diff was left out: its name (or count), what happens, where the diff is. */
function lineOf(row) {
    const first = row.outcomes[0];
    const who = row.outcomes.length === 1
        ? (0,markdown/* literal */.eu)((0,parts/* nameOf */.Vb)(first))
        : `${row.outcomes.length.toLocaleString('en-US')} configurations (${(0,markdown/* literal */.eu)((0,parts/* nameOf */.Vb)(first))} and ${(0,parts/* plural */.LS)(row.outcomes.length - 1, 'more')}, the same change)`;
    const fields = (0,render_rows/* changedFields */.E0)(first);
    const what = (0,render_rows/* isUnverified */.sU)(first)
        ? 'a secret it cannot check'
        : `${parts/* STATUS_WORDS */.ly[first.status]}${fields ? ` ${(0,markdown/* text */.Qq)(fields)}` : ''}`;
    return `- ${who}: ${what} (diff in the job summary)`;
}
function names(rows) {
    const all = rows.map(row => row.outcomes.length === 1
        ? (0,markdown/* literal */.eu)((0,parts/* nameOf */.Vb)(row.outcomes[0]))
        : `${(0,markdown/* literal */.eu)((0,parts/* nameOf */.Vb)(row.outcomes[0]))} and ${row.outcomes.length - 1} like it`);
    return all.length > 20
        ? `${all.slice(0, 20).join(', ')} and ${all.length - 20} more`
        : all.join(', ');
}
function compact(parts) {
    return parts.filter((part) => part !== undefined && part !== '');
}

// EXTERNAL MODULE: ./src/core/render/input-error.ts
var input_error = __webpack_require__(8167);
;// CONCATENATED MODULE: ./src/core/render/comment.ts




/** GitHub refuses longer bodies (it counts characters; a JavaScript length is never fewer). */
const COMMENT_LIMIT = 65_536;
const BUDGET = COMMENT_LIMIT - 1_000;
const MARKER = 'launchdarkly-integration-configuration-action';
const PLAN_START = `<!-- ${MARKER} plan:start -->`;
const PLAN_END = `<!-- ${MARKER} plan:end -->`;
// A refused apply shows the approved plan beside its own: marked apart, so that the next refused
// apply shows again what was approved, not what the last one would have done.
const APPROVED_START = `<!-- ${MARKER} approved:start -->`;
const APPROVED_END = `<!-- ${MARKER} approved:end -->`;
/** Past this, the approved plan is not repeated: the plan that would be applied now matters more. */
const APPROVED_ROOM = 20_000;
function commentMarker(key) {
    return `<!-- ${MARKER} key="${key}" -->`;
}
function fingerprintMarker(fingerprint) {
    return `<!-- ${MARKER} plan="${fingerprint}" -->`;
}
/** The plan fingerprint a comment carries, if it is a plan's. */
function fingerprintOf(body) {
    return new RegExp(`<!-- ${MARKER} plan="(sha256:[0-9a-f]{64})" -->`).exec(body)?.[1];
}
/**
 * The diffs of the plan a comment approved, to show again beside a newer plan: between its
 * approved markers when an apply was refused already, else between its plan markers.
 */
function planDetailsOf(body) {
    const between = (startMarker, endMarker) => {
        const start = body.indexOf(startMarker);
        const end = body.indexOf(endMarker);
        return start >= 0 && end > start
            ? body.slice(start + startMarker.length, end).trim()
            : undefined;
    };
    return between(APPROVED_START, APPROVED_END) ?? between(PLAN_START, PLAN_END);
}
function approvedBlock(approved) {
    const shown = approved.length <= APPROVED_ROOM
        ? approved
        : "_The approved plan is too long to repeat here: the job summary of the plan run has it, and so does this comment's edit history._";
    return `#### What was approved\n\n${APPROVED_START}\n\n${shown}\n\n${APPROVED_END}`;
}
function renderComment(outcomes, facts) {
    const top = [
        commentMarker(facts.key),
        facts.fingerprint ? fingerprintMarker(facts.fingerprint) : undefined,
        `### LaunchDarkly · ${(0,markdown/* text */.Qq)((0,parts/* headline */.Pl)(outcomes, facts), 400)}`,
        (0,parts/* statusLine */.Bs)(outcomes, facts)
    ];
    const alerts = [
        facts.refusal ? (0,markdown/* alert */.xE)('CAUTION', (0,markdown/* message */.iU)(facts.refusal.message)) : undefined,
        ...(0,parts/* callouts */.uI)(outcomes),
        ...(0,parts/* failureCallouts */.Wk)(outcomes, facts)
    ].filter((part) => part !== undefined);
    const tail = [
        facts.refusal?.approved ? approvedBlock(facts.refusal.approved) : undefined,
        footer(facts)
    ];
    const assemble = (shownAlerts, body) => [
        ...top,
        body.note,
        ...shownAlerts,
        facts.refusal ? '#### What the apply would do now' : undefined,
        PLAN_START,
        ...body.parts,
        PLAN_END,
        ...tail
    ]
        .filter((part) => part !== undefined && part !== '')
        .join('\n\n');
    const fitted = (shownAlerts) => assemble(shownAlerts, fitBody(outcomes, facts, BUDGET - assemble(shownAlerts, { note: undefined, parts: [] }).length));
    const whole = fitted(alerts);
    if (whole.length <= BUDGET)
        return whole;
    // The callouts alone are too long (thousands of failures with long, escaping-heavy names):
    // each is shortened to its share, never dropped.
    const share = Math.max(500, Math.floor((BUDGET - 10_000) / Math.max(1, alerts.length)));
    return fitted(alerts.map(callout => shortenCallout(callout, share)));
}
/**
 * A callout cut to `max` characters at a boundary that leaves its Markdown whole: never inside a
 * <code> span or an entity; what was cut is said.
 */
function shortenCallout(callout, max) {
    if (callout.length <= max)
        return callout;
    let cut = callout.slice(0, max);
    const opens = (value) => (value.match(/<code>/g) ?? []).length;
    const closes = (value) => (value.match(/<\/code>/g) ?? []).length;
    while (opens(cut) > closes(cut))
        cut = cut.slice(0, cut.lastIndexOf('<code>'));
    cut = cut.replace(/&#?\w*$/, '').replace(/<[^>]*$/, '');
    return `${cut} … _(cut here: the job summary has the rest)_`;
}
/** A comment saying the run could not even start, e.g. a desired-state file that does not parse. */
function renderFailureComment(failure, facts) {
    // The message names the input and the place once; the excerpt shows the lines.
    return [
        commentMarker(facts.key),
        '### LaunchDarkly · The configurations could not be checked',
        (0,markdown/* alert */.xE)('CAUTION', (0,markdown/* message */.iU)(failure.slice(0, 20_000))),
        (0,input_error/* errorExcerpt */.M)(facts.where),
        footer(facts)
    ]
        .filter((part) => part !== undefined)
        .join('\n\n');
}
/** The last line. The comment key is the marker's alone: it means nothing to a reviewer. */
function footer(facts) {
    const run = facts.run;
    return `<sub>LaunchDarkly integration configuration action${run
        ? ` · ${(0,markdown/* link */.nf)((0,markdown/* text */.Qq)(run.label), run.url)} · ${(0,markdown/* link */.nf)('job summary', run.summaryUrl ?? run.url)}`
        : ''}</sub>`;
}


/***/ }),

/***/ 6557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_GITHUB_POLICY: () => (/* binding */ DEFAULT_GITHUB_POLICY),
/* harmony export */   openPullRequest: () => (/* binding */ openPullRequest)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6856);
/* harmony import */ var _core_render_comment_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7026);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_narrow_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(256);
/**
 * The pull request comment, over octokit: which pull request, the one comment per key (found by its
 * marker among comments written by this token's identity, on every page), created or updated in
 * place. Loaded only when a run comments, and never fails the step: a problem is a warning.
 */







/** GitHub answered, but without a field the action needs: a clear error, not a TypeError. */
class GitHubAnswerError extends Error {
}
/**
 * A field of GitHub's answer, checked: `path` as `head.sha`, `endpoint` as GitHub's docs name it.
 * An answer of another shape (a proxy's, a GitHub Enterprise of another version) says which field
 * of which endpoint was missing.
 */
function fieldOf(answer, path) {
    let value = answer;
    for (const key of path.split('.'))
        value = (0,_core_narrow_js__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u)(value) ? value[key] : undefined;
    return value;
}
function missing(path, type, endpoint) {
    return new GitHubAnswerError(`GitHub's answer to ${endpoint} has no \`${path}\` (a ${type}), which the action needs`);
}
function text(answer, path, endpoint) {
    const value = fieldOf(answer, path);
    if (typeof value !== 'string')
        throw missing(path, 'string', endpoint);
    return value;
}
function count(answer, path, endpoint) {
    const value = fieldOf(answer, path);
    if (typeof value !== 'number')
        throw missing(path, 'number', endpoint);
    return value;
}
function list(answer, endpoint) {
    if (!Array.isArray(answer)) {
        throw new GitHubAnswerError(`GitHub's answer to ${endpoint} is not a list, which the action needs`);
    }
    return answer;
}
const DEFAULT_GITHUB_POLICY = {
    maxWaitSeconds: 60,
    retries: 2,
    secondMs: 1000,
    writeSpacingMs: 1000
};
/**
 * Finds the pull request and this key's comment on it. Undefined, with a notice, when the run has
 * no pull request; `{ problem }` when GitHub could not be asked (a warning is the caller's call:
 * for a comment, a problem never fails the step; for an approval, it refuses the apply).
 */
async function openPullRequest(settings, context, log, policy = DEFAULT_GITHUB_POLICY) {
    // Octokit calls these as its own methods: bound here, or `this` is octokit's log object.
    const debug = (message) => log.debug(message);
    const octokitLog = { debug, info: debug, warn: debug, error: debug };
    const common = {
        baseUrl: context.apiUrl,
        log: octokitLog,
        retry: { retries: policy.retries, retryAfterBaseValue: policy.secondMs }
    };
    const throttle = {
        onRateLimit: retryWithin('GitHub rate limit reached', policy, log),
        onSecondaryRateLimit: retryWithin('GitHub secondary rate limit reached', policy, log),
        retryAfterBaseValue: policy.secondMs,
        // The plugin keeps its queues for the whole process (so a write waits for the last run's
        // write, in tests that make many runs in one process); these belong to this run alone.
        // Writes that notify people (a comment does) are spaced further apart, as the plugin does.
        global: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default().Group)({ maxConcurrent: 10 }),
        auth: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default().Group)({ maxConcurrent: 1 }),
        search: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default().Group)({ maxConcurrent: 1, minTime: 2 * policy.writeSpacingMs }),
        write: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default().Group)({ maxConcurrent: 1, minTime: policy.writeSpacingMs }),
        notifications: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default().Group)({ maxConcurrent: 1, minTime: 3 * policy.writeSpacingMs })
    };
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(settings.token, { ...common, throttle }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_5__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_6__/* .throttling */ .A);
    // GraphQL queries are POSTs, which the throttling plugin spaces a second apart like writes: the
    // read-only identity query goes through a client without it, so the comment does not wait.
    const reader = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(settings.token, common, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_5__/* .retry */ .L);
    let pull;
    let existing;
    try {
        pull = await findPullRequest(octokit, settings, context, log);
        if (!pull)
            return undefined;
        const marker = (0,_core_render_comment_js__WEBPACK_IMPORTED_MODULE_2__.commentMarker)(settings.key);
        // Who the token is matters only if some comment carries the marker: asked once, when needed.
        let identity;
        const whoIsIt = () => (identity ??= whoAmI(reader, log));
        existing = await findComment(octokit, pull, marker, whoIsIt);
    }
    catch (error) {
        return { problem: explain(error, context), cause: causeOf(error, context) };
    }
    const found = pull;
    return {
        pull: found,
        existing,
        write: async (body) => {
            try {
                const { data } = existing
                    ? await octokit.rest.issues.updateComment({
                        owner: found.owner,
                        repo: found.repo,
                        comment_id: existing.id,
                        body
                    })
                    : await octokit.rest.issues.createComment({
                        owner: found.owner,
                        repo: found.repo,
                        issue_number: found.number,
                        body,
                        // A create whose answer was lost (a 5xx, a dropped connection) may have made the
                        // comment: sent again, it would make a second one. Rate limits are still waited
                        // out by the throttling plugin, which retries only what GitHub refused.
                        request: { retries: 0 }
                    });
                const url = text(data, 'html_url', existing
                    ? 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
                    : 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments');
                log.info(`${existing ? 'Updated' : 'Wrote'} the comment on pull request #${found.number}: ${url}`);
                return url;
            }
            catch (error) {
                log.warning(explain(error, context));
                return undefined;
            }
        }
    };
}
async function findPullRequest(octokit, settings, context, log) {
    if (!context.repository) {
        log.notice('No comment: GITHUB_REPOSITORY is not set, so there is no repository to comment in.');
        return undefined;
    }
    const { owner, repo } = context.repository;
    const ref = (number, headSha) => ({
        owner,
        repo,
        number,
        url: `${context.serverUrl}/${owner}/${repo}/pull/${number}`,
        headSha
    });
    const event = context.eventName;
    if (settings.prNumber !== undefined) {
        const fromEvent = context.pullRequest?.number === settings.prNumber;
        return ref(settings.prNumber, fromEvent ? context.pullRequest?.headSha : undefined);
    }
    if ((event === 'pull_request' || event === 'pull_request_target') && context.pullRequest) {
        return ref(context.pullRequest.number, context.pullRequest.headSha);
    }
    if (event === 'push' && context.sha) {
        const sha = context.sha;
        const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
            owner,
            repo,
            commit_sha: sha
        });
        // The pull request this commit merged, if any; else one that contains it.
        const endpoint = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls';
        const pulls = list(data, endpoint);
        const pull = pulls.find(p => fieldOf(p, 'merge_commit_sha') === sha) ?? pulls[0];
        if (pull) {
            return ref(count(pull, 'number', endpoint), text(pull, 'head.sha', endpoint));
        }
        log.notice(`No comment: commit ${sha.slice(0, 7)} belongs to no pull request.`);
        return undefined;
    }
    log.notice(`No comment: a ${event || 'run'} event has no pull request. Give \`pr-number\` to comment on one anyway.`);
    return undefined;
}
/**
 * The login the token writes as. GraphQL's viewer works for installation tokens (the workflow's own),
 * which REST's /user refuses; a bot's login has "[bot]" in REST and not in GraphQL, so both are
 * compared without it.
 */
async function whoAmI(octokit, log) {
    try {
        const { viewer } = await octokit.graphql('query { viewer { login } }');
        return normalizeLogin(text(viewer, 'login', 'GraphQL viewer'));
    }
    catch (error) {
        log.debug(`GraphQL viewer failed (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)}); trying GET /user.`);
    }
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return normalizeLogin(text(data, 'login', 'GET /user'));
    }
    catch (error) {
        log.debug(`GET /user failed (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)}); only comments by github-actions will be updated.`);
        return 'github-actions';
    }
}
const normalizeLogin = (login) => login.replace(/\[bot\]$/, '').toLowerCase();
async function findComment(octokit, pull, marker, identity) {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner: pull.owner,
        repo: pull.repo,
        issue_number: pull.number,
        per_page: 100
    });
    const endpoint = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
    for await (const { data } of pages) {
        // A marker copied into someone else's comment must not make this run edit their comment.
        for (const comment of list(data, endpoint)) {
            if (typeof comment?.body !== 'string' || !comment.body.includes(marker))
                continue;
            if (comment.user === null)
                continue;
            count(comment, 'id', endpoint);
            const login = text(comment, 'user.login', endpoint);
            if (normalizeLogin(login) === (await identity()))
                return comment;
        }
    }
    return undefined;
}
/** What went wrong, without what it means for the comment: for the approval gate's message. */
function causeOf(error, context) {
    if (error instanceof GitHubAnswerError)
        return error.message;
    const { status, unanswered } = requestErrorOf(error);
    const detail = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error);
    return unanswered && status === 500
        ? `GitHub could not be reached at ${context.apiUrl} (${detail})`
        : `GitHub answered ${status ?? 'with an error'} (${detail})`;
}
/**
 * What an Octokit error says of the request: the status, and whether no answer came (Octokit
 * reports a request that got no answer as a 500 without a response: the network, not GitHub).
 */
function requestErrorOf(error) {
    if (!(0,_core_narrow_js__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u)(error))
        return { status: undefined, unanswered: true };
    const status = typeof error.status === 'number' ? error.status : undefined;
    return { status, unanswered: error.response === undefined };
}
function explain(error, context) {
    if (error instanceof GitHubAnswerError) {
        return `Could not comment on the pull request: ${error.message} (GitHub at ${context.apiUrl}). The full account is in the job summary, and the LaunchDarkly result is not affected.`;
    }
    const { status, unanswered } = requestErrorOf(error);
    const detail = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error);
    if (unanswered && status === 500) {
        return `Could not reach GitHub at ${context.apiUrl} to comment on the pull request (${detail}). The full account is in the job summary; the LaunchDarkly result is not affected.`;
    }
    if (status === 403 && !/rate limit/i.test(detail)) {
        return `Could not comment on the pull request: GitHub answered 403 (${detail}). The token needs \`pull-requests: write\`: add it to the job's \`permissions:\`. A pull request from a fork gets a read-only token; its plan is in the job summary instead. The LaunchDarkly result is not affected.`;
    }
    if (status === 422) {
        return `Could not comment on the pull request: GitHub refused the body (${detail}). The full account is in the job summary; the LaunchDarkly result is not affected.`;
    }
    return `Could not comment on the pull request (${status ? `GitHub answered ${status}: ` : ''}${detail}). The full account is in the job summary; the LaunchDarkly result is not affected.`;
}
/**
 * The throttling plugin's handler: retry a few times, and only for a wait the policy allows, so that
 * a rate limit resetting in an hour cannot hold the step for an hour.
 */
function retryWithin(what, policy, log) {
    return (retryAfter, _options, _octokit, retryCount) => {
        // Any number a header held (Infinity, NaN, negative) is judged here: only a wait the policy
        // allows is waited.
        if (!(retryAfter <= policy.maxWaitSeconds)) {
            log.info(`${what}; GitHub asks to wait ${retryAfter} s, more than the ${policy.maxWaitSeconds} s a comment may wait: giving the comment up.`);
            return false;
        }
        if (retryCount >= policy.retries)
            return false;
        log.info(`${what}; retrying the comment in ${retryAfter} s.`);
        return true;
    };
}


/***/ })

};

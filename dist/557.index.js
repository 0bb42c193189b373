export const id = 557;
export const ids = [557,217];
export const modules = {

/***/ 3217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMMENT_LIMIT: () => (/* binding */ COMMENT_LIMIT),
/* harmony export */   commentMarker: () => (/* binding */ commentMarker),
/* harmony export */   fingerprintOf: () => (/* binding */ fingerprintOf),
/* harmony export */   planDetailsOf: () => (/* binding */ planDetailsOf),
/* harmony export */   renderComment: () => (/* binding */ renderComment),
/* harmony export */   renderFailureComment: () => (/* binding */ renderFailureComment)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7715);
/* harmony import */ var _parts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9916);


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
    const changing = outcomes.filter(o => o.status !== 'unchanged' && o.status !== 'unmanaged');
    const unchanged = outcomes.filter(o => o.status === 'unchanged');
    const unmanaged = outcomes.filter(o => o.status === 'unmanaged');
    const top = [
        commentMarker(facts.key),
        facts.fingerprint ? fingerprintMarker(facts.fingerprint) : undefined,
        `### LaunchDarkly · ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)((0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .headline */ .Pl)(outcomes, facts), 400)}`,
        (0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .statusLine */ .Bs)(outcomes, facts)
    ];
    const alerts = [
        facts.refusal ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .alert */ .xE)('CAUTION', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .message */ .iU)(facts.refusal.message)) : undefined,
        ...(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .callouts */ .uI)(outcomes),
        ...(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .failureCallouts */ .Wk)(outcomes, facts)
    ];
    const tail = [
        facts.refusal?.approved ? approvedBlock(facts.refusal.approved) : undefined,
        footer(facts)
    ].filter((part) => part !== undefined);
    const sections = changing.map(o => ({ outcome: o, markdown: (0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .section */ .uW)(o, facts) }));
    const unmanagedBlock = unmanaged.length > 0
        ? `**${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(unmanaged.length, 'configuration')} in LaunchDarkly that no file describes**${
        // Each one prune left says why; without prune, the hint is what to do.
        unmanaged.some(o => o.notices.length === 0) ? ' (`prune: true` deletes them)' : ''}:\n\n${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .unchangedLines */ .P5)(unmanaged, facts)}`
        : undefined;
    // Shortened, the list goes to the job summary like the unchanged one.
    const unmanagedLine = unmanaged.length > 0
        ? `_${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(unmanaged.length, 'configuration')} in LaunchDarkly that no file describes (listed in the job summary)._`
        : undefined;
    const unchangedBlock = unchanged.length > 0
        ? `<details><summary>${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(unchanged.length, 'configuration')} unchanged</summary>\n\n${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .unchangedLines */ .P5)(unchanged, facts)}\n\n</details>`
        : undefined;
    const assemble = (note, body, shownAlerts = alerts) => [
        ...top,
        note,
        ...shownAlerts,
        facts.refusal ? '#### What the apply would do now' : undefined,
        PLAN_START,
        ...body,
        PLAN_END,
        ...tail
    ]
        .filter((part) => part !== undefined && part !== '')
        .join('\n\n');
    const whole = assemble(undefined, [
        ...sections.map(s => s.markdown),
        unmanagedBlock,
        unchangedBlock
    ]);
    if (whole.length <= BUDGET)
        return whole;
    // Too long: the unchanged list goes first, then the largest diffs, each replaced by a line.
    // Sizes are added up rather than rendered again for every choice: a thousand configurations
    // cost one pass.
    const lineOf = (o) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)((0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .nameOf */ .Vb)(o))}: ${_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .STATUS_WORDS */ .ly[o.status]} (diff in the job summary)`;
    const unchangedLine = unchanged.length > 0 ? `_${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(unchanged.length, 'configuration')} unchanged._` : undefined;
    const noteFor = (dropped, hidden) => {
        const leftOut = [
            unchanged.length > 0
                ? `the list of ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(unchanged.length, 'unchanged configuration')}`
                : undefined,
            dropped.length > 0 ? `the diffs of ${names(dropped)}` : undefined,
            hidden > 0 ? `the lines of ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(hidden, 'more configuration')}` : undefined
        ].filter(Boolean);
        return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .alert */ .xE)('NOTE', `This comment is shortened to stay under GitHub's limit of ${COMMENT_LIMIT.toLocaleString('en-US')} characters. Left out: ${leftOut.join('; ')}. The ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)('job summary', facts.summaryUrl)} has every configuration and change.`);
    };
    const NOTE_ROOM = 4_000;
    const unmanagedShown = unmanagedBlock && unmanagedBlock.length > 10_000 ? unmanagedLine : unmanagedBlock;
    const fixed = assemble(undefined, [unmanagedShown, unchangedLine]).length + NOTE_ROOM;
    const dropped = new Set();
    let total = fixed + sections.reduce((sum, s) => sum + s.markdown.length + 2, 0);
    for (const largest of [...sections].sort((a, b) => b.markdown.length - a.markdown.length)) {
        if (total <= BUDGET)
            break;
        total -= largest.markdown.length - lineOf(largest.outcome).length;
        dropped.add(largest.outcome);
    }
    // Even one line each is too long (thousands of configurations): the first lines that fit,
    // then how many more there are.
    let shown = sections.length;
    while (total > BUDGET && shown > 0) {
        shown -= 1;
        const last = sections[shown];
        if (last)
            total -= lineOf(last.outcome).length + 2;
    }
    const body = sections
        .slice(0, shown)
        .map(s => (dropped.has(s.outcome) ? lineOf(s.outcome) : s.markdown));
    const hidden = sections.length - shown;
    if (hidden > 0)
        body.push(`- … and ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(hidden, 'more configuration')} (in the job summary)`);
    const shortened = assemble(noteFor(sections
        .filter(s => dropped.has(s.outcome) && sections.indexOf(s) < shown)
        .map(s => s.outcome), hidden), [...body, unmanagedShown, unchangedLine]);
    if (shortened.length <= BUDGET)
        return shortened;
    // Nothing else is left to drop: the headline and the counts stay, and the callouts while they
    // fit (they are capped, but an approved plan and a refusal come on top).
    const bare = assemble(noteFor([], sections.length), [unmanagedLine, unchangedLine]);
    if (bare.length <= BUDGET)
        return bare;
    return assemble(noteFor([], sections.length), [unmanagedLine, unchangedLine], [
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .alert */ .xE)('NOTE', `The callouts are left out too: the ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)('job summary', facts.summaryUrl)} has them.`)
    ]);
}
/** Where an input error lies, linked to the file at the head commit when the link is known. */
/** A comment saying the run could not even start, e.g. a desired-state file that does not parse. */
function renderFailureComment(failure, facts) {
    return [
        commentMarker(facts.key),
        '### LaunchDarkly · The configurations could not be checked',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .alert */ .xE)('CAUTION', `${facts.where ? `In ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .locationText */ .fN)(facts.where)}: ` : ''}${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .message */ .iU)(failure.slice(0, 20_000))}`),
        footer(facts)
    ].join('\n\n');
}
function names(outcomes) {
    const shown = outcomes.slice(0, 20).map(o => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)((0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .nameOf */ .Vb)(o)));
    return outcomes.length > 20
        ? `${shown.join(', ')} and ${outcomes.length - 20} more`
        : shown.join(', ');
}
function footer(facts) {
    const run = facts.run ? `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(facts.run.label), facts.run.url)} · ` : '';
    return `<sub>${run}comment key ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)(facts.key)}</sub>`;
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
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var _core_render_comment_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3217);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_narrow_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(256);
/**
 * The pull request comment, over octokit: which pull request, the one comment per key (found by its
 * marker among comments written by this token's identity, on every page), created or updated in
 * place. Loaded only when a run comments, and never fails the step: a problem is a warning.
 */







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
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(settings.token, { ...common, throttle }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
    // GraphQL queries are POSTs, which the throttling plugin spaces a second apart like writes: the
    // read-only identity query goes through a client without it, so the comment does not wait.
    const reader = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(settings.token, common, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L);
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
                log.info(`${existing ? 'Updated' : 'Wrote'} the comment on pull request #${found.number}: ${data.html_url}`);
                return data.html_url;
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
        const pull = data.find(p => p.merge_commit_sha === sha) ?? data[0];
        if (pull)
            return ref(pull.number, pull.head.sha);
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
        return normalizeLogin(viewer.login);
    }
    catch (error) {
        log.debug(`GraphQL viewer failed (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)}); trying GET /user.`);
    }
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return normalizeLogin(data.login);
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
    for await (const { data } of pages) {
        // A marker copied into someone else's comment must not make this run edit their comment.
        for (const comment of data) {
            if (!comment.body?.includes(marker) || comment.user === null)
                continue;
            if (normalizeLogin(comment.user.login) === (await identity()))
                return comment;
        }
    }
    return undefined;
}
/** What went wrong, without what it means for the comment: for the approval gate's message. */
function causeOf(error, context) {
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
    if (!(0,_core_narrow_js__WEBPACK_IMPORTED_MODULE_6__/* .isRecord */ .u)(error))
        return { status: undefined, unanswered: true };
    const status = typeof error.status === 'number' ? error.status : undefined;
    return { status, unanswered: error.response === undefined };
}
function explain(error, context) {
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
        if (retryAfter > policy.maxWaitSeconds) {
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

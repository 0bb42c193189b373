export const id = 557;
export const ids = [557];
export const modules = {

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
        const marker = (0,_core_render_comment_js__WEBPACK_IMPORTED_MODULE_2__/* .commentMarker */ .Ql)(settings.key);
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

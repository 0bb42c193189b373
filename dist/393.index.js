export const id = 393;
export const ids = [393];
export const modules = {

/***/ 7821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jw: () => (/* binding */ formatComment),
  vj: () => (/* binding */ parseComment),
  HL: () => (/* binding */ protocolLength)
});

// UNUSED EXPORTS: MARKER_OPENER, STATE_ROOM, headerLine, isCommentOf, stateLine

// EXTERNAL MODULE: ./src/core/json-patch.ts + 2 modules
var json_patch = __webpack_require__(4431);
// EXTERNAL MODULE: ./src/core/secrets.ts
var core_secrets = __webpack_require__(8198);
;// CONCATENATED MODULE: ./src/core/plan-comment-state.ts


const FINGERPRINT = /^sha256:[0-9a-f]{64}$/;
/** The state as the state line spells it. */
function encodeState(state) {
    return Buffer.from(JSON.stringify(toWire(state)), 'utf8').toString('base64url');
}
/** The state a state line spells, or undefined when it is not one this module wrote. */
function decodeState(encoded) {
    if (encoded === undefined)
        return undefined;
    let value;
    try {
        value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
    return isWireState(value) ? fromWire(value) : undefined;
}
const PLACEHOLDERS = [
    core_secrets/* SecretPlaceholder */.ur.changed,
    core_secrets/* SecretPlaceholder */.ur.unchanged,
    core_secrets/* SecretPlaceholder */.ur.before
];
function toWire(state) {
    const side = (value) => {
        const secrets = [];
        const plain = (inner, tokens) => {
            if (inner instanceof core_secrets/* SecretPlaceholder */.ur) {
                secrets.push((0,json_patch/* formatPointer */.$2)(tokens));
                return inner.text;
            }
            if (Array.isArray(inner))
                return inner.map((item, i) => plain(item, [...tokens, String(i)]));
            if (inner !== null && typeof inner === 'object') {
                return Object.fromEntries(Object.entries(inner).map(([key, item]) => [key, plain(item, [...tokens, key])]));
            }
            return inner;
        };
        return { value: plain(value, []), secrets };
    };
    const change = ({ path, before, after }) => {
        const [b, a] = [
            before === undefined ? undefined : side(before),
            after === undefined ? undefined : side(after)
        ];
        const secrets = {
            ...(b && b.secrets.length > 0 ? { before: b.secrets } : {}),
            ...(a && a.secrets.length > 0 ? { after: a.secrets } : {})
        };
        return {
            path,
            ...(b ? { before: b.value } : {}),
            ...(a ? { after: a.value } : {}),
            ...(Object.keys(secrets).length > 0 ? { secrets } : {})
        };
    };
    return {
        ...(state.approved
            ? {
                approved: state.approved.map(entry => ({ ...entry, changes: entry.changes.map(change) }))
            }
            : {}),
        attempts: state.attempts
    };
}
/** The state as it was written, or undefined if a placeholder does not stand where it says. */
function fromWire(state) {
    const restore = (value, pointers = []) => {
        let shown = value;
        for (const pointer of pointers) {
            const tokens = (0,json_patch/* parsePointer */.vp)(pointer);
            shown = tokens && shown !== undefined ? placeAt(shown, tokens) : undefined;
        }
        return shown;
    };
    const entries = [];
    for (const entry of state.approved ?? []) {
        const changes = [];
        for (const { path, before, after, secrets } of entry.changes) {
            const b = before === undefined ? undefined : restore(before, secrets?.before);
            const a = after === undefined ? undefined : restore(after, secrets?.after);
            if ((before !== undefined && b === undefined) || (after !== undefined && a === undefined)) {
                return undefined;
            }
            changes.push({
                path,
                ...(b === undefined ? {} : { before: b }),
                ...(a === undefined ? {} : { after: a })
            });
        }
        entries.push({ ...entry, changes });
    }
    return { ...(state.approved ? { approved: entries } : {}), attempts: state.attempts };
}
/** The value with the placeholder its text names at `tokens`; undefined if none stands there. */
function placeAt(value, tokens) {
    const [token, ...rest] = tokens;
    if (token === undefined) {
        return typeof value === 'string' ? PLACEHOLDERS.find(p => p.text === value) : undefined;
    }
    if (Array.isArray(value)) {
        const index = Number(token);
        const item = value[index];
        if (!/^(0|[1-9]\d*)$/.test(token) || item === undefined)
            return undefined;
        const placed = placeAt(item, rest);
        return placed === undefined ? undefined : value.map((v, i) => (i === index ? placed : v));
    }
    if (value === null || typeof value !== 'object' || value instanceof core_secrets/* SecretPlaceholder */.ur) {
        return undefined;
    }
    const item = Object.hasOwn(value, token) ? value[token] : undefined;
    const placed = item === undefined ? undefined : placeAt(item, rest);
    return placed === undefined ? undefined : { ...value, [token]: placed };
}
// The state came back from GitHub: checked field by field, so that a hand-edited or truncated
// state is no state rather than a wrong one.
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isOptionalString = (value) => value === undefined || typeof value === 'string';
const isCount = (value) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isOneOf = (list, value) => list.some(item => item === value);
const STATUSES = [
    'created',
    'updated',
    'unchanged',
    'would-create',
    'would-update',
    'failed',
    'unmanaged',
    'would-delete',
    'deleted',
    'exported'
];
const OUTCOMES = [
    'applied',
    'partly-applied',
    'failed',
    'refused',
    'up-to-date'
];
const ACTIONS = ['create', 'update', 'delete', 'failed'];
function isJson(value, depth = 0) {
    if (depth > 64)
        return false;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
        return true;
    if (Array.isArray(value))
        return value.every(item => isJson(item, depth + 1));
    return isRecord(value) && Object.values(value).every(item => isJson(item, depth + 1));
}
const isPointers = (value) => value === undefined || (Array.isArray(value) && value.every(item => typeof item === 'string'));
function isChange(value) {
    return (isRecord(value) &&
        typeof value.path === 'string' &&
        (value.before === undefined || isJson(value.before)) &&
        (value.after === undefined || isJson(value.after)) &&
        (value.secrets === undefined ||
            (isRecord(value.secrets) &&
                isPointers(value.secrets.before) &&
                isPointers(value.secrets.after))));
}
function isEntry(value) {
    return (isRecord(value) &&
        typeof value.configuration === 'string' &&
        typeof value.name === 'string' &&
        isOneOf(ACTIONS, value.action) &&
        Array.isArray(value.changes) &&
        value.changes.every(isChange));
}
function isResult(value) {
    return (isRecord(value) && typeof value.configuration === 'string' && isOneOf(STATUSES, value.status));
}
function isAttempt(value) {
    return (isRecord(value) &&
        typeof value.runId === 'string' &&
        isOptionalString(value.runNumber) &&
        isCount(value.attempt) &&
        (value.approved === undefined ||
            (typeof value.approved === 'string' && FINGERPRINT.test(value.approved))) &&
        isOneOf(OUTCOMES, value.outcome) &&
        isOptionalString(value.reason) &&
        isCount(value.written) &&
        isCount(value.failed) &&
        (value.results === undefined || (Array.isArray(value.results) && value.results.every(isResult))));
}
function isWireState(value) {
    return (isRecord(value) &&
        Array.isArray(value.attempts) &&
        value.attempts.every(isAttempt) &&
        (value.approved === undefined ||
            (Array.isArray(value.approved) && value.approved.every(isEntry))));
}

;// CONCATENATED MODULE: ./src/core/plan-comment.ts
/**
 * The pull request comment as a protocol: what the next run reads from it. Format and parse side
 * by side, so that each reads exactly what the other writes.
 *
 * A comment of this action is
 *
 *     <!-- launchdarkly-integration-configuration-action:v2 key="…" plan="sha256:…" -->   (line 1)
 *     …the Markdown a reviewer reads…
 *     <!-- launchdarkly-integration-configuration-action:v2 state="…base64url JSON…" -->  (last line)
 *
 * The first line says whose comment it is (the step's key) and which plan was approved (its
 * fingerprint); the last line keeps the state the next run needs: the approved plan's entries and
 * the record of every apply attempt. Only these two lines are read: nothing in between, where
 * data is rendered, is ever parsed, and the state is base64url, so no rendered value can spell it.
 * The renderers write `<!--` in data only as an escape, so no data can even look like a marker.
 *
 * Comments written by 1.x (a key marker on line 1, a plan marker on line 3) are still read for
 * one release: their key and fingerprint, nothing else.
 */

const NAME = 'launchdarkly-integration-configuration-action';
/** Every marker this module writes starts with this: rendered data never holds it unescaped. */
const MARKER_OPENER = '<!--';
const KEY = /^[A-Za-z0-9._:/@ -]{1,200}$/;
const plan_comment_FINGERPRINT = /^sha256:[0-9a-f]{64}$/;
const HEADER = new RegExp(`^<!-- ${NAME}:v2 key="([A-Za-z0-9._:/@ -]{1,200})"(?: plan="(sha256:[0-9a-f]{64})")? -->$`);
const STATE = new RegExp(`^<!-- ${NAME}:v2 state="([A-Za-z0-9_-]*)" -->$`);
const LEGACY_KEY = new RegExp(`^<!-- ${NAME} key="([^"\\n]{1,200})" -->$`);
const LEGACY_PLAN = new RegExp(`^<!-- ${NAME} plan="(sha256:[0-9a-f]{64})" -->$`);
/** Past this, the state gives up detail: old attempts' results, then the approved entries. */
const STATE_ROOM = 24_000;
/** The header line: whose comment this is, and which plan it approves. */
function headerLine(key, fingerprint) {
    if (!KEY.test(key))
        throw new Error(`not a comment key: ${JSON.stringify(key)}`);
    if (fingerprint !== undefined && !plan_comment_FINGERPRINT.test(fingerprint)) {
        throw new Error(`not a fingerprint: ${JSON.stringify(fingerprint)}`);
    }
    return `<!-- ${NAME}:v2 key="${key}"${fingerprint ? ` plan="${fingerprint}"` : ''} -->`;
}
/**
 * The state line, shrunk to STATE_ROOM when it must be: older attempts lose their lists of
 * configurations first, then the oldest attempts go, then the approved entries, and last the
 * newest attempt's list. Only a plan of thousands of configurations comes to that; its record then
 * keeps the counts, and an apply that stopped half way is finished by a new pull request.
 */
function stateLine(state) {
    const encode = (value) => `<!-- ${NAME}:v2 state="${encodeState(value)}" -->`;
    const shrink = (withResults, kept, approved) => {
        const attempts = state.attempts.slice(state.attempts.length - kept);
        return {
            ...(approved && state.approved ? { approved: state.approved } : {}),
            attempts: attempts.map((a, i) => (i < attempts.length - withResults ? withoutResults(a) : a))
        };
    };
    const count = state.attempts.length;
    let line = encode(state);
    // How many of the newest attempts keep their lists: half as many each time, down to one.
    for (let withResults = count; line.length > STATE_ROOM && withResults > 1;) {
        withResults = Math.ceil(withResults / 2);
        line = encode(shrink(withResults, count, true));
    }
    for (let kept = count; line.length > STATE_ROOM && kept > 1;) {
        kept = Math.ceil(kept / 2);
        line = encode(shrink(1, kept, true));
    }
    if (line.length > STATE_ROOM)
        line = encode(shrink(1, 1, false));
    if (line.length > STATE_ROOM)
        line = encode(shrink(0, 1, false));
    return line;
}
function withoutResults(attempt) {
    const { results: _results, ...rest } = attempt;
    return rest;
}
/** The whole comment: the header, what a reviewer reads, the state. */
function formatComment(comment, markdown) {
    return [headerLine(comment.key, comment.fingerprint), markdown.trim(), stateLine(comment.state)]
        .filter(part => part !== '')
        .join('\n\n');
}
/** How much room the two protocol lines leave the Markdown under GitHub's limit. */
function protocolLength(comment) {
    return headerLine(comment.key, comment.fingerprint).length + stateLine(comment.state).length + 4;
}
/**
 * A comment of this action, read at the positions the formatter owns (its first and last lines);
 * undefined for any other comment. A 2.x comment whose state does not decode is still this
 * step's comment, without state: it is rewritten, and approves nothing beyond its fingerprint.
 */
function parseComment(body) {
    const lines = body.replace(/\r\n?/g, '\n').trimEnd().split('\n');
    const first = lines[0] ?? '';
    const header = HEADER.exec(first);
    if (header) {
        const last = lines.length > 1 ? (lines.at(-1) ?? '') : '';
        const state = decodeState(STATE.exec(last)?.[1]);
        return {
            version: 2,
            key: header[1] ?? '',
            ...(header[2] ? { fingerprint: header[2] } : {}),
            state: state ?? { attempts: [] }
        };
    }
    const legacy = LEGACY_KEY.exec(first);
    if (!legacy)
        return undefined;
    // 1.x wrote its parts a blank line apart: the plan marker, if any, was the third line.
    const plan = lines[1] === '' ? LEGACY_PLAN.exec(lines[2] ?? '') : null;
    return {
        version: 1,
        key: legacy[1] ?? '',
        ...(plan?.[1] ? { fingerprint: plan[1] } : {}),
        state: { attempts: [] }
    };
}
/** Whether a comment is this key's (its header, not a marker anywhere in it). */
function isCommentOf(body, key) {
    return parseComment(body)?.key === key;
}


/***/ }),

/***/ 7393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_GITHUB_POLICY: () => (/* binding */ DEFAULT_GITHUB_POLICY),
  openPullRequest: () => (/* binding */ openPullRequest)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/narrow.ts
var narrow = __webpack_require__(256);
// EXTERNAL MODULE: ./src/core/plan-comment.ts + 1 modules
var plan_comment = __webpack_require__(7821);
;// CONCATENATED MODULE: ./src/io/github-answer.ts
/**
 * GitHub's answers, read field by field: an answer of another shape (a proxy's, a GitHub Enterprise
 * of another version) is an error naming the field and the endpoint, not a TypeError.
 */

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
        value = (0,narrow/* isRecord */.u)(value) ? value[key] : undefined;
    return value;
}
function missing(path, type, endpoint) {
    return new GitHubAnswerError(`GitHub's answer to ${endpoint} has no \`${path}\` (a ${type}), which the action needs`);
}
function github_answer_text(answer, path, endpoint) {
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

;// CONCATENATED MODULE: ./src/io/github-budget.ts
/**
 * Every GitHub request of a run is bounded: each by a timeout, all of them together by one budget
 * (about a minute), so that a GitHub that accepts connections and never answers costs a run a
 * minute, not the job's six hours. The budget counts the time spent waiting for GitHub (requests,
 * and the rate-limit waits granted), not the time the run spends on LaunchDarkly in between.
 */
/** Thrown (and reported by octokit as a request without an answer) when GitHub took too long. */
class GitHubTimeout extends Error {
    constructor(message) {
        super(message);
        this.name = 'GitHubTimeout';
    }
}
class GitHubBudget {
    totalMs;
    requestTimeoutMs;
    now;
    spentMs = 0;
    /** Set once the budget ran out, so that every later request says so at once. */
    exhausted = false;
    constructor(totalMs, requestTimeoutMs, now = () => Date.now()) {
        this.totalMs = totalMs;
        this.requestTimeoutMs = requestTimeoutMs;
        this.now = now;
    }
    remainingMs() {
        return Math.max(0, this.totalMs - this.spentMs);
    }
    /** A wait granted (a rate limit's): counted like a request. */
    spend(ms) {
        this.spentMs += ms;
        if (this.remainingMs() === 0)
            this.exhausted = true;
    }
    /** `fetch`, bounded: for octokit's `request.fetch`. */
    fetch = async (input, init = {}) => {
        const remaining = this.remainingMs();
        if (remaining <= 0) {
            this.exhausted = true;
            throw new GitHubTimeout(this.spentMessage());
        }
        const limit = Math.min(this.requestTimeoutMs, remaining);
        const timeout = AbortSignal.timeout(limit);
        const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        const started = this.now();
        try {
            return await fetch(input, { ...init, signal });
        }
        catch (error) {
            if (!timeout.aborted)
                throw error;
            if (limit < this.requestTimeoutMs) {
                this.exhausted = true;
                throw new GitHubTimeout(this.spentMessage());
            }
            throw new GitHubTimeout(`no answer within ${seconds(limit)}`);
        }
        finally {
            this.spend(this.now() - started);
        }
    };
    spentMessage() {
        return `no answer within the ${seconds(this.totalMs)} a run may wait for GitHub in all`;
    }
}
const seconds = (ms) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

;// CONCATENATED MODULE: ./src/io/pull-lookup.ts

function pullOf(answer, endpoint) {
    const orNull = (path) => {
        const value = fieldOf(answer, path);
        return typeof value === 'string' ? value : null;
    };
    return {
        number: count(answer, 'number', endpoint),
        state: github_answer_text(answer, 'state', endpoint),
        merged_at: orNull('merged_at'),
        merge_commit_sha: orNull('merge_commit_sha'),
        head: { sha: github_answer_text(answer, 'head.sha', endpoint) }
    };
}
const PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
const COMMIT_PULLS = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls';
async function findPullRequest(octokit, settings, context, log, options) {
    if (!context.repository) {
        log.notice('No comment: GITHUB_REPOSITORY is not set, so there is no repository to comment in.');
        return undefined;
    }
    const { owner, repo } = context.repository;
    const ref = (number, headSha, merged) => ({
        owner,
        repo,
        number,
        url: `${context.serverUrl}/${owner}/${repo}/pull/${number}`,
        headSha,
        ...(merged === undefined ? {} : { merged })
    });
    const event = context.eventName;
    const fromEvent = (event === 'pull_request' || event === 'pull_request_target') && context.pullRequest
        ? context.pullRequest.number
        : undefined;
    const number = settings.prNumber ?? fromEvent;
    if (number !== undefined) {
        const headFromEvent = context.pullRequest?.number === number ? context.pullRequest.headSha : undefined;
        if (!options.merged)
            return ref(number, headFromEvent);
        // An approval: GitHub says whether it is merged, and as which commit.
        const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
        const pull = pullOf(data, PULL);
        const why = notApprovable([pull], context.sha, number);
        return why ? { notApprovable: why } : ref(number, pull.head.sha, true);
    }
    if (event === 'push' && context.sha) {
        const sha = context.sha;
        const delays = options.merged ? options.retryDelaysMs : [];
        let pulls;
        let [waited, times] = [0, 1];
        for (let asked = 0;; asked++) {
            const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
                owner,
                repo,
                commit_sha: sha
            });
            pulls = list(data, COMMIT_PULLS).map(answer => pullOf(answer, COMMIT_PULLS));
            if (!options.merged) {
                // The pull request this commit merged, if any; else one that contains it.
                const pull = pulls.find(p => p.merge_commit_sha === sha) ?? pulls[0];
                if (pull)
                    return ref(pull.number, pull.head.sha);
                log.notice(`No comment: commit ${sha.slice(0, 7)} belongs to no pull request.`);
                return undefined;
            }
            const merged = pulls.find(p => mergedAs(p, sha));
            if (merged)
                return ref(merged.number, merged.head.sha, true);
            const delay = delays[asked];
            if (delay === undefined)
                break;
            log.info(`GitHub names no merged pull request for commit ${sha.slice(0, 7)} yet (a fresh merge takes a moment to index): asking again in ${Math.round(delay / 100) / 10} s.`);
            if (!(await options.wait(delay)))
                break;
            waited += delay;
            times += 1;
        }
        const asked = `GitHub was asked ${times} time${times === 1 ? '' : 's'} over ${Math.round(waited / 1000)} s`;
        return {
            notApprovable: notApprovable(pulls, sha) ??
                `commit ${sha.slice(0, 7)} belongs to no pull request (${asked}). If it was merged just now, run the job again in a minute; a commit pushed straight to the branch has no approved plan`
        };
    }
    if (options.merged) {
        return {
            notApprovable: `a ${event || 'run'} event names no pull request, and \`pr-number\` is not given`
        };
    }
    log.notice(`No comment: a ${event || 'run'} event has no pull request. Give \`pr-number\` to comment on one anyway.`);
    return undefined;
}
function mergedAs(pull, sha) {
    return (pull.merged_at !== null &&
        sha !== undefined &&
        (pull.merge_commit_sha === sha || pull.head.sha === sha));
}
/** Why none of these pull requests approves the commit, naming them; undefined if one does. */
function notApprovable(pulls, sha, number) {
    if (pulls.some(p => mergedAs(p, sha)))
        return undefined;
    if (pulls.length === 0)
        return undefined;
    const commit = sha ? `commit ${sha.slice(0, 7)}` : 'this run (GITHUB_SHA is not set)';
    const each = pulls.map(p => p.merged_at === null
        ? `pull request #${p.number} is ${p.state === 'open' ? 'open' : 'closed'} and not merged`
        : `pull request #${p.number} was merged as ${p.merge_commit_sha?.slice(0, 7) ?? 'an unknown commit'} (head ${p.head.sha.slice(0, 7)}), not as ${sha?.slice(0, 7) ?? 'this commit'}`);
    const which = number === undefined ? `${commit} is no merged pull request's merge` : commit;
    return `${which}: ${each.join('; ')}. Only the plan of a merged pull request is applied, by the run of its merge commit`;
}

;// CONCATENATED MODULE: ./src/io/github.ts
/**
 * The pull request comment, over octokit: which pull request, the one comment per key (found by its
 * header among comments written by this token's identity, on every page), created or updated in
 * place, and the short notification a failed apply posts besides. Loaded only when a run
 * comments or needs an approval. Never fails the step: a problem is a warning. Every request is
 * bounded by a timeout, and all of them by one budget.
 */










const DEFAULT_GITHUB_POLICY = {
    maxWaitSeconds: 60,
    retries: 2,
    secondMs: 1000,
    writeSpacingMs: 1000,
    requestTimeoutMs: 15_000,
    budgetMs: 60_000,
    lookupRetrySeconds: [2, 4, 8]
};
/**
 * Finds the pull request and this key's comment on it. Undefined, with a notice, when the run has
 * no pull request; `{ problem }` when GitHub could not be asked (a warning is the caller's call:
 * for a comment, a problem never fails the step; for an approval, it refuses the apply);
 * `{ notApprovable }` when an approval is asked for and no merged pull request gives one.
 */
async function openPullRequest(settings, context, log, policy = DEFAULT_GITHUB_POLICY, options = { approval: false }) {
    const budget = new GitHubBudget(policy.budgetMs, policy.requestTimeoutMs);
    // Octokit calls these as its own methods: bound here, or `this` is octokit's log object.
    const debug = (message) => log.debug(message);
    const octokitLog = { debug, info: debug, warn: debug, error: debug };
    const common = {
        baseUrl: context.apiUrl,
        log: octokitLog,
        request: { fetch: budget.fetch },
        retry: { retries: policy.retries, retryAfterBaseValue: policy.secondMs }
    };
    const throttle = {
        onRateLimit: retryWithin('GitHub rate limit reached', policy, log, budget),
        onSecondaryRateLimit: retryWithin('GitHub secondary rate limit reached', policy, log, budget),
        retryAfterBaseValue: policy.secondMs,
        // The plugin keeps its queues for the whole process (so a write waits for the last run's
        // write, in tests that make many runs in one process); these belong to this run alone.
        // Writes that notify people (a comment does) are spaced further apart, as the plugin does.
        global: new (light_default()).Group({ maxConcurrent: 10 }),
        auth: new (light_default()).Group({ maxConcurrent: 1 }),
        search: new (light_default()).Group({ maxConcurrent: 1, minTime: 2 * policy.writeSpacingMs }),
        write: new (light_default()).Group({ maxConcurrent: 1, minTime: policy.writeSpacingMs }),
        notifications: new (light_default()).Group({ maxConcurrent: 1, minTime: 3 * policy.writeSpacingMs })
    };
    const octokit = (0,github/* getOctokit */.Q)(settings.token, { ...common, throttle }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    // GraphQL queries are POSTs, which the throttling plugin spaces a second apart like writes: the
    // read-only identity query goes through a client without it, so the comment does not wait.
    const reader = (0,github/* getOctokit */.Q)(settings.token, common, dist_bundle/* retry */.L);
    let found;
    let existing;
    try {
        found = await findPullRequest(octokit, settings, context, log, {
            merged: options.approval,
            retryDelaysMs: policy.lookupRetrySeconds.map(s => s * policy.secondMs),
            wait: async (ms) => {
                if (ms > budget.remainingMs())
                    return false;
                budget.spend(ms);
                await new Promise(resolve => setTimeout(resolve, ms));
                return true;
            }
        });
        if (!found || 'notApprovable' in found)
            return found;
        // Who the token is matters only if some comment carries the header: asked once, when needed.
        let identity;
        const whoIsIt = () => (identity ??= whoAmI(reader, log));
        existing = await findComment(octokit, found, settings.key, whoIsIt);
    }
    catch (error) {
        return {
            problem: explain(error, context),
            cause: causeOf(error, context),
            unreachable: noAnswer(error)
        };
    }
    const pull = found;
    const create = async (body) => {
        const { data } = await octokit.rest.issues.createComment({
            owner: pull.owner,
            repo: pull.repo,
            issue_number: pull.number,
            body,
            // A create whose answer was lost (a 5xx, a dropped connection) may have made the comment:
            // sent again, it would make a second one. Rate limits are still waited out by the
            // throttling plugin, which retries only what GitHub refused.
            request: { retries: 0 }
        });
        return data;
    };
    return {
        pull,
        comment: existing?.body ? (0,plan_comment/* parseComment */.vj)(existing.body) : undefined,
        write: async (body) => {
            try {
                const data = existing
                    ? (await octokit.rest.issues.updateComment({
                        owner: pull.owner,
                        repo: pull.repo,
                        comment_id: existing.id,
                        body
                    })).data
                    : await create(body);
                const url = github_answer_text(data, 'html_url', existing
                    ? 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
                    : 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments');
                log.info(`${existing ? 'Updated' : 'Wrote'} the comment on pull request #${pull.number}: ${url}`);
                return url;
            }
            catch (error) {
                log.warning(explain(error, context));
                return undefined;
            }
        },
        notify: async (body) => {
            try {
                const data = await create(body);
                const url = github_answer_text(data, 'html_url', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments');
                log.info(`Notified pull request #${pull.number}: ${url}`);
                return url;
            }
            catch (error) {
                log.warning(explain(error, context));
                return undefined;
            }
        }
    };
}
/**
 * The login the token writes as. GraphQL's viewer works for installation tokens (the workflow's own),
 * which REST's /user refuses; a bot's login has "[bot]" in REST and not in GraphQL, so both are
 * compared without it.
 */
async function whoAmI(octokit, log) {
    try {
        const { viewer } = await octokit.graphql('query { viewer { login } }');
        return normalizeLogin(github_answer_text(viewer, 'login', 'GraphQL viewer'));
    }
    catch (error) {
        log.debug(`GraphQL viewer failed (${(0,errors/* describeError */.Uc)(error)}); trying GET /user.`);
    }
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return normalizeLogin(github_answer_text(data, 'login', 'GET /user'));
    }
    catch (error) {
        log.debug(`GET /user failed (${(0,errors/* describeError */.Uc)(error)}); only comments by github-actions will be updated.`);
        return 'github-actions';
    }
}
const normalizeLogin = (login) => login.replace(/\[bot\]$/, '').toLowerCase();
async function findComment(octokit, pull, key, identity) {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner: pull.owner,
        repo: pull.repo,
        issue_number: pull.number,
        per_page: 100
    });
    const endpoint = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
    for await (const { data } of pages) {
        // A header copied into someone else's comment must not make this run edit their comment.
        for (const comment of list(data, endpoint)) {
            if (typeof comment?.body !== 'string' || (0,plan_comment/* parseComment */.vj)(comment.body)?.key !== key)
                continue;
            if (comment.user === null)
                continue;
            count(comment, 'id', endpoint);
            const login = github_answer_text(comment, 'user.login', endpoint);
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
    const detail = (0,errors/* describeError */.Uc)(error);
    return unanswered && status === 500
        ? `GitHub could not be reached at ${context.apiUrl} (${detail})`
        : `GitHub answered ${status ?? 'with an error'} (${detail})`;
}
/**
 * What an Octokit error says of the request: the status, and whether no answer came (Octokit
 * reports a request that got no answer as a 500 without a response: the network, not GitHub).
 */
function requestErrorOf(error) {
    if (!(0,narrow/* isRecord */.u)(error))
        return { status: undefined, unanswered: true };
    const status = typeof error.status === 'number' ? error.status : undefined;
    return { status, unanswered: error.response === undefined };
}
/** No answer came at all (the network, a timeout, the budget spent). */
function noAnswer(error) {
    const { status, unanswered } = requestErrorOf(error);
    return unanswered && status === 500;
}
function explain(error, context) {
    if (error instanceof GitHubAnswerError) {
        return `Could not comment on the pull request: ${error.message} (GitHub at ${context.apiUrl}). The full account is in the job summary, and the LaunchDarkly result is not affected.`;
    }
    const { status, unanswered } = requestErrorOf(error);
    const detail = (0,errors/* describeError */.Uc)(error);
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
function retryWithin(what, policy, log, budget) {
    return (retryAfter, _options, _octokit, retryCount) => {
        // Any number a header held (Infinity, NaN, negative) is judged here: only a wait the policy
        // allows is waited.
        if (!(retryAfter <= policy.maxWaitSeconds)) {
            log.info(`${what}; GitHub asks to wait ${retryAfter} s, more than the ${policy.maxWaitSeconds} s a comment may wait: giving the comment up.`);
            return false;
        }
        if (retryAfter * policy.secondMs > budget.remainingMs()) {
            log.info(`${what}; GitHub asks to wait ${retryAfter} s, more than is left of the time a run may wait for GitHub: giving the comment up.`);
            return false;
        }
        if (retryCount >= policy.retries)
            return false;
        log.info(`${what}; retrying the comment in ${retryAfter} s.`);
        budget.spend(retryAfter * policy.secondMs);
        return true;
    };
}


/***/ })

};

export const id = 244;
export const ids = [244,26,527];
export const modules = {

/***/ 5527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planFingerprint: () => (/* binding */ planFingerprint),
/* harmony export */   writesAnything: () => (/* binding */ writesAnything)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _narrow_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(256);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
/**
 * The fingerprint of a plan: what a reviewer approves, and nothing else. Each configuration that
 * would be written (or failed to plan) is reduced to who it is, what happens to it and each changed
 * path's old and new value, with keys sorted, tags as a set and secrets by their status only; no
 * file, line, order or formatting counts. Salted with the pull request's URL, so that a plan
 * approved on one pull request cannot be carried to another.
 */



const ACTIONS = {
    'would-create': 'create',
    created: 'create',
    'would-update': 'update',
    updated: 'update',
    'would-delete': 'delete',
    deleted: 'delete',
    failed: 'failed'
};
function planFingerprint(outcomes, salt, 
/** The guardrails the plan was checked against (core/guardrails.ts), '' when none. */
guardrails = '') {
    const entries = outcomes
        .filter(outcome => ACTIONS[outcome.status] !== undefined)
        .map(outcome => ({
        configuration: outcome.id ?? `${outcome.integrationKey ?? ''}/${outcome.name ?? outcome.label}`,
        action: ACTIONS[outcome.status],
        changes: outcome.changes
            .map(change => ({
            path: change.path,
            before: normalize(change.path, change.before),
            after: normalize(change.path, change.after)
        }))
            .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    }))
        .sort((a, b) => (a.configuration < b.configuration ? -1 : 1));
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`${salt}\n${canonical(entries)}${guardrails === '' ? '' : `\n${guardrails}`}`)
        .digest('hex');
    return `sha256:${digest}`;
}
/** Whether a plan writes anything at all: a plan that writes nothing needs no approval. */
function writesAnything(outcomes) {
    return outcomes.some(o => o.status !== 'failed' && ACTIONS[o.status] !== undefined);
}
function normalize(path, value) {
    // Tags are a set: their order is formatting.
    if (path === '/tags' && Array.isArray(value)) {
        return [...value].map(item => canonical(item)).sort();
    }
    return value;
}
/** JSON with every object's keys sorted, so that key order never counts. */
function canonical(value) {
    // A secret counts by its status only, spelled as the placeholder's text.
    if (value instanceof _secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .SecretPlaceholder */ .ur)
        return JSON.stringify(value.text);
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if ((0,_narrow_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(value)) {
        const keys = Object.keys(value).sort();
        return `{${keys.map(key => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
    }
    return JSON.stringify(value ?? null);
}


/***/ }),

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

/***/ 6244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkApproval: () => (/* binding */ checkApproval),
/* harmony export */   incompletePlan: () => (/* binding */ incompletePlan)
/* harmony export */ });
/* harmony import */ var _core_outcome_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9411);
/* harmony import */ var _core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5527);
/* harmony import */ var _core_render_comment_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7026);
/**
 * The gate of `require-approved-plan`: the apply plans again, and writes only when that plan's
 * fingerprint equals the one in the plan comment reviewers approved on the pull request (written by
 * this token's identity, under this step's key, salted with that pull request's URL). A plan that
 * writes nothing needs no approval, so running an apply again after it succeeded is harmless.
 */



function checkApproval(outcomes, session, key, 
/** The guardrails' part of the fingerprint (core/guardrails.ts): changing them changes the plan. */
guardrails = '') {
    if (!(0,_core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__.writesAnything)(outcomes))
        return { approved: true };
    const refuse = (reason, message, extra = {}) => ({ approved: false, failure: { reason, message }, ...extra });
    const rerun = 'Nothing was written. Run the plan on the pull request again (with `comment-on-pr: true` and the same inputs), have it reviewed, then run the apply again.';
    if (!session) {
        return refuse('no-approved-plan', `This run belongs to no pull request, so there is no approved plan to apply (\`require-approved-plan\` applies only the plan approved on a pull request). ${rerun}`);
    }
    if ('problem' in session) {
        return refuse('no-approved-plan', `The approved plan could not be read from the pull request: ${session.cause}. ${rerun}`);
    }
    const body = session.existing?.body ?? '';
    const approved = (0,_core_render_comment_js__WEBPACK_IMPORTED_MODULE_1__.fingerprintOf)(body);
    if (!approved) {
        return refuse('no-approved-plan', `Pull request #${session.pull.number} has no plan comment of this step (comment key \`${key}\`) written by this token's identity, so no plan was approved. ${rerun}`);
    }
    if ((0,_core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__.planFingerprint)(outcomes, session.pull.url, guardrails) !== approved) {
        return refuse('plan-changed', `The plan differs from the one approved on pull request #${session.pull.number}: LaunchDarkly, the files or the step's guardrails (\`protect\`, \`max-changes\`) changed since the plan was made. Both are shown below. ${rerun}`, { fingerprint: approved, approvedDetails: (0,_core_render_comment_js__WEBPACK_IMPORTED_MODULE_1__.planDetailsOf)(body) });
    }
    return { approved: true };
}
/**
 * A plan that failed for some configuration is not compared with the approved one: it is not a
 * plan anyone approved, and its failure (the network, a permission) is what the run must say.
 * Nothing is written.
 */
function incompletePlan(outcomes) {
    // Some configuration failed, so the run has a failure.
    const reason = (0,_core_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .runFailure */ .A)(outcomes, { dryRun: true, failOnDrift: false })?.reason ?? 'internal';
    const failed = outcomes.filter(o => o.status === 'failed').length;
    return {
        approved: false,
        // Each failed configuration's error is said on its own: this says what it meant for the run.
        failure: {
            reason,
            message: `Nothing was written: the apply could not plan every configuration again (${failed} failed, each with its error), so it could not be checked against the approved plan. Fix what failed, then run the apply again.`
        }
    };
}


/***/ })

};

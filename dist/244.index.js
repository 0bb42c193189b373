export const id = 244;
export const ids = [244,217,527];
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
/* harmony import */ var _narrow_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(256);
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
function planFingerprint(outcomes, salt) {
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
        .update(`${salt}\n${canonical(entries)}`)
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
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if ((0,_narrow_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(value)) {
        const keys = Object.keys(value).sort();
        return `{${keys.map(key => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
    }
    return JSON.stringify(value ?? null);
}


/***/ }),

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

/***/ 6244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkApproval: () => (/* binding */ checkApproval),
/* harmony export */   incompletePlan: () => (/* binding */ incompletePlan)
/* harmony export */ });
/* harmony import */ var _core_outcome_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9411);
/* harmony import */ var _core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5527);
/* harmony import */ var _core_render_comment_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3217);
/**
 * The gate of `require-approved-plan`: the apply plans again, and writes only when that plan's
 * fingerprint equals the one in the plan comment reviewers approved on the pull request (written by
 * this token's identity, under this step's key, salted with that pull request's URL). A plan that
 * writes nothing needs no approval, so running an apply again after it succeeded is harmless.
 */



function checkApproval(outcomes, session, key) {
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
    if ((0,_core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__.planFingerprint)(outcomes, session.pull.url) !== approved) {
        return refuse('plan-changed', `The plan differs from the one approved on pull request #${session.pull.number}: LaunchDarkly or the files changed since the plan was made. Both are shown below. ${rerun}`, { fingerprint: approved, approvedDetails: (0,_core_render_comment_js__WEBPACK_IMPORTED_MODULE_1__.planDetailsOf)(body) });
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

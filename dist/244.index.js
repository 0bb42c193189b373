export const id = 244;
export const ids = [244];
export const modules = {

/***/ 5527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ entriesFingerprint),
/* harmony export */   LI: () => (/* binding */ legacyPlanFingerprint),
/* harmony export */   W9: () => (/* binding */ planEntries),
/* harmony export */   an: () => (/* binding */ planFingerprint),
/* harmony export */   kH: () => (/* binding */ configurationKey),
/* harmony export */   lR: () => (/* binding */ writesAnything)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _narrow_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(256);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
/**
 * The fingerprint of a plan: what a reviewer approves, and nothing else. Each configuration that
 * would be written (or failed to plan) is reduced to an entry: who it is, what happens to it and
 * each changed path's old and new value, with keys sorted, tags as a set and secrets by their
 * status only; no file, line, order or formatting counts. An absent value (a field added or
 * removed) is not `null`: the entry leaves it out. Salted with the pull request's URL, so that a
 * plan approved on one pull request cannot be carried to another.
 *
 * The entries are kept in the plan comment too, so that an apply that stopped half way can finish
 * what remains of the approved plan, and a refusal can say what changed field by field.
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
/** Which configuration an outcome is, the same before and after it was created. */
function configurationKey(outcome) {
    const create = outcome.status === 'would-create' || outcome.status === 'created';
    return !create && outcome.id
        ? outcome.id
        : `${outcome.integrationKey ?? ''}/${outcome.name ?? outcome.label}`;
}
/** The plan as it is approved: the configurations it writes (or failed to plan), sorted. */
function planEntries(outcomes) {
    return outcomes
        .flatMap(outcome => {
        const action = ACTIONS[outcome.status];
        if (action === undefined)
            return [];
        const entry = {
            configuration: configurationKey(outcome),
            name: outcome.name ?? outcome.label,
            action,
            changes: outcome.changes.map(change => ({
                path: change.path,
                ...(change.before === undefined ? {} : { before: change.before }),
                ...(change.after === undefined ? {} : { after: change.after })
            }))
        };
        return [entry];
    })
        .sort((a, b) => compare(a.configuration, b.configuration));
}
/** The fingerprint of a plan (format 2: absent and `null` differ). */
function planFingerprint(outcomes, salt, 
/** The guardrails the plan was checked against (core/guardrails.ts), '' when none. */
guardrails = '') {
    return entriesFingerprint(planEntries(outcomes), salt, guardrails);
}
/** The fingerprint of entries, e.g. those an approved plan comment keeps. */
function entriesFingerprint(entries, salt, guardrails = '') {
    // The name is how a report says it, not what is approved.
    const approved = [...entries]
        .map(({ configuration, action, changes }) => ({
        configuration,
        action,
        // Sorted here, not in the entries: a report shows them in the plan's order.
        changes: changes
            .map(change => ({
            path: change.path,
            before: normalize(change.path, change.before),
            after: normalize(change.path, change.after)
        }))
            .sort((a, b) => compare(a.path, b.path))
    }))
        .sort((a, b) => compare(a.configuration, b.configuration));
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`v2\n${salt}\n${canonical(approved)}${guardrails === '' ? '' : `\n${guardrails}`}`)
        .digest('hex');
    return `sha256:${digest}`;
}
/**
 * The fingerprint 1.x comments carry (absent read as `null`; a created configuration by its ID
 * when it had one): still compared for one release, so that a pull request planned by 1.x can be
 * applied by 2.x.
 */
function legacyPlanFingerprint(outcomes, salt, guardrails = '') {
    const entries = outcomes
        .filter(outcome => ACTIONS[outcome.status] !== undefined)
        .map(outcome => ({
        configuration: outcome.id ?? `${outcome.integrationKey ?? ''}/${outcome.name ?? outcome.label}`,
        action: ACTIONS[outcome.status],
        changes: outcome.changes
            .map(change => ({
            path: change.path,
            before: normalize(change.path, change.before) ?? null,
            after: normalize(change.path, change.after) ?? null
        }))
            .sort((a, b) => compare(a.path, b.path))
    }))
        .sort((a, b) => (a.configuration < b.configuration ? -1 : 1));
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`${salt}\n${canonical(entries, true)}${guardrails === '' ? '' : `\n${guardrails}`}`)
        .digest('hex');
    return `sha256:${digest}`;
}
/** Whether a plan writes anything at all: a plan that writes nothing needs no approval. */
function writesAnything(outcomes) {
    return outcomes.some(o => o.status !== 'failed' && ACTIONS[o.status] !== undefined);
}
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function normalize(path, value) {
    // Tags are a set: their order is formatting.
    if (path === '/tags' && Array.isArray(value)) {
        return [...value].map(item => canonical(item)).sort();
    }
    return value;
}
/**
 * JSON with every object's keys sorted (key order never counts) and absent keys left out. A secret
 * counts by its status only: 1.x spelled it as the placeholder's text; 2.x as a token no JSON value
 * can spell, so that a plain value that reads like a placeholder is not taken for a secret.
 */
function canonical(value, legacy = false) {
    if (value instanceof _secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .SecretPlaceholder */ .ur) {
        return legacy ? JSON.stringify(value.text) : `<${value.text}>`;
    }
    if (Array.isArray(value))
        return `[${value.map(item => canonical(item, legacy)).join(',')}]`;
    if ((0,_narrow_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(value)) {
        const keys = Object.keys(value)
            .filter(key => value[key] !== undefined)
            .sort();
        return `{${keys.map(key => `${JSON.stringify(key)}:${canonical(value[key], legacy)}`).join(',')}}`;
    }
    return JSON.stringify(value ?? null);
}


/***/ }),

/***/ 6244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applyApproved: () => (/* binding */ applyApproved),
/* harmony export */   checkApproval: () => (/* binding */ checkApproval),
/* harmony export */   describeApproval: () => (/* binding */ describeApproval),
/* harmony export */   incompletePlan: () => (/* binding */ incompletePlan)
/* harmony export */ });
/* harmony import */ var _core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5527);
/* harmony import */ var _core_outcome_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9411);
/* harmony import */ var _core_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2258);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5919);
/**
 * The gate of `require-approved-plan`: everything is read and planned first; the apply then
 * writes only when that plan is the one reviewers approved on a merged pull request (its
 * fingerprint in the plan comment written by this token's identity, under this step's key, salted
 * with that pull request's URL), or what remains of it after an attempt that stopped half way (the
 * comment's record says which configurations were written, and they must now read as unchanged).
 * A plan that writes nothing needs no approval, so running an apply again after it succeeded is
 * harmless.
 */




/**
 * Plans everything, checks the plan against the approved one, and settles the same plans again
 * for real only when it is approved: two passes over plans read once.
 */
async function applyApproved(planned, stage, scrubber, gate) {
    const ready = {
        configured: (await Promise.all(planned.configured)).map(p => Promise.resolve(p)),
        unmanaged: Promise.resolve(await planned.unmanaged)
    };
    const plan = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .settleAll */ .j)(ready, stage, true);
    const shown = plan.map(outcome => (0,_core_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactOutcome */ .A)(outcome, scrubber));
    const approval = gate.guard(plan) ??
        (!gate.requireApproval
            ? { approved: true }
            : shown.some(o => o.status === 'failed')
                ? incompletePlan(shown)
                : checkApproval(shown, await gate.openSession(), gate.key, gate.guardrails));
    if (!approval.approved)
        return { outcomes: plan, redacted: shown, approval };
    const outcomes = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .settleAll */ .j)(ready, stage, false);
    return {
        outcomes,
        redacted: outcomes.map(outcome => (0,_core_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactOutcome */ .A)(outcome, scrubber)),
        approval
    };
}
const AFTER_MERGE = 'Nothing was written. The pull request is merged, so planning it again would plan its old commit: to apply a change now, open a new pull request from the default branch (with the files brought in line with LaunchDarkly if its change should stay), have its plan reviewed, and merge it.';
function checkApproval(outcomes, opened, key, 
/** The guardrails' part of the fingerprint (core/guardrails.ts): changing them changes the plan. */
guardrails = '') {
    if (!(0,_core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .writesAnything */ .lR)(outcomes))
        return { approved: true };
    const refuse = (reason, message, approvedEntries) => ({
        approved: false,
        failure: { reason, message },
        ...(approvedEntries ? { approvedEntries } : {})
    });
    if (!opened) {
        return refuse('no-approved-plan', 'This run belongs to no pull request, so there is no approved plan to apply (`require-approved-plan` applies only the plan approved on a merged pull request). Nothing was written. Run the apply on the push of a merged pull request whose plan was commented (`comment-on-pr: true`).');
    }
    if ('notApprovable' in opened) {
        return refuse('no-approved-plan', `No merged pull request approves this run: ${opened.notApprovable}. Nothing was written.`);
    }
    if ('problem' in opened) {
        return refuse('no-approved-plan', `${opened.unreachable ? 'Could not reach GitHub, so the' : 'The'} approved plan could not be read from the pull request: ${opened.cause}. Nothing was written; run the apply again once GitHub answers.`);
    }
    const { pull, comment } = opened;
    if (!comment?.fingerprint) {
        return refuse('no-approved-plan', `Pull request #${pull.number} has no plan comment of this step (comment key \`${key}\`) written by this token's identity, so no plan was approved. ${AFTER_MERGE}`);
    }
    if (comment.version === 1) {
        // Written by 1.x: its fingerprint only, in its own format.
        return (0,_core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .legacyPlanFingerprint */ .LI)(outcomes, pull.url, guardrails) === comment.fingerprint
            ? { approved: true }
            : refuse('plan-changed', changedMessage(pull.number, false));
    }
    if ((0,_core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .planFingerprint */ .an)(outcomes, pull.url, guardrails) === comment.fingerprint) {
        return { approved: true };
    }
    // The entries kept are the approved plan's only if they make its fingerprint.
    const approved = comment.state.approved;
    const kept = approved && (0,_core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .entriesFingerprint */ .$F)(approved, pull.url, guardrails) === comment.fingerprint
        ? approved
        : undefined;
    if (kept) {
        // Only what was written under this approval: a plan made since replaces what it approves.
        const written = new Set(comment.state.attempts
            .filter(attempt => attempt.approved === comment.fingerprint)
            .flatMap(attempt => (attempt.results ?? [])
            .filter(r => r.status === 'created' || r.status === 'updated' || r.status === 'deleted')
            .map(r => r.configuration)));
        const remaining = kept.filter(entry => !written.has(entry.configuration));
        if (written.size > 0 &&
            remaining.length < kept.length &&
            (0,_core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .entriesFingerprint */ .$F)(remaining, pull.url, guardrails) ===
                (0,_core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .entriesFingerprint */ .$F)((0,_core_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .planEntries */ .W9)(outcomes), pull.url, guardrails)) {
            return { approved: true, remainder: { left: remaining.length, total: kept.length } };
        }
    }
    return refuse('plan-changed', changedMessage(pull.number, kept !== undefined), kept);
}
function changedMessage(number, shown) {
    const where = shown
        ? 'what changed is shown first'
        : 'the comment kept no copy of the approved plan to compare with (a 1.x comment, or a plan too large to keep): its edit history has it';
    return `The plan differs from the one approved on pull request #${number}: LaunchDarkly, the files or the step's guardrails (\`protect\`, \`max-changes\`) changed since the plan was made (${where}). ${AFTER_MERGE}`;
}
/**
 * A plan that failed for some configuration is not compared with the approved one: it is not a
 * plan anyone approved, and its failure (the network, a permission) is what the run must say.
 * Nothing is written.
 */
function incompletePlan(outcomes) {
    // Some configuration failed, so the run has a failure.
    const reason = (0,_core_outcome_js__WEBPACK_IMPORTED_MODULE_1__/* .runFailure */ .A9)(outcomes, { dryRun: true, failOnDrift: false })?.reason ?? 'internal';
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
const REFUSED_AS = {
    'plan-changed': 'the plan changed',
    'no-approved-plan': 'no approved plan',
    protected: 'a protected configuration',
    'too-many-changes': 'too many changes'
};
/**
 * What a report says of the gate's decision: the headline's words for a refusal, its reason
 * (scrubbed: it may quote GitHub's words) with what changed since the approval and the approved
 * plan, or a notice that an apply finishes what an earlier attempt left.
 */
async function describeApproval(approval, outcomes, facts, log) {
    if (approval.approved) {
        const left = approval.remainder;
        return left
            ? {
                notice: `Finishing an approved plan an earlier attempt applied in part: ${left.left} of its ${left.total} configurations were left to write.`
            }
            : {};
    }
    const entries = approval.approvedEntries;
    const render = entries ? await __webpack_require__.e(/* import() */ 189).then(__webpack_require__.bind(__webpack_require__, 5189)) : undefined;
    return {
        refusedAs: REFUSED_AS[approval.failure.reason] ?? 'the plan could not be checked',
        refusal: {
            message: log.scrub(approval.failure.message),
            ...(entries && render
                ? {
                    changed: render.changedSinceApproval(entries, outcomes),
                    approved: render.approvedPlan(entries, facts)
                }
                : {})
        }
    };
}


/***/ })

};

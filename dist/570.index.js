export const id = 570;
export const ids = [570];
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
/* harmony import */ var _narrow_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(256);
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
function planFingerprint(outcomes, salt) {
    return entriesFingerprint(planEntries(outcomes), salt);
}
/** The fingerprint of entries, e.g. those an approved plan comment keeps. */
function entriesFingerprint(entries, salt) {
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
        .update(`v2\n${salt}\n${canonical(approved)}`)
        .digest('hex');
    return `sha256:${digest}`;
}
/**
 * The fingerprint 1.x comments carry (absent read as `null`; a created configuration by its ID
 * when it had one): still compared for one release, so that a pull request planned by 1.x can be
 * applied by 2.x.
 */
function legacyPlanFingerprint(outcomes, salt) {
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
        .update(`${salt}\n${canonical(entries)}`)
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
/** JSON with every object's keys sorted, so that key order never counts; absent keys left out. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if ((0,_narrow_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(value)) {
        const keys = Object.keys(value)
            .filter(key => value[key] !== undefined)
            .sort();
        return `{${keys.map(key => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
    }
    return JSON.stringify(value ?? null);
}


/***/ }),

/***/ 5189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   approvedPlan: () => (/* binding */ approvedPlan),
/* harmony export */   c: () => (/* binding */ attemptHistory),
/* harmony export */   changedSinceApproval: () => (/* binding */ changedSinceApproval)
/* harmony export */ });
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5527);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7715);
/* harmony import */ var _parts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9916);
/**
 * What the comment says about an approval: on a refusal, what changed since the plan was approved
 * (field by field, before the two plans), the approved plan itself (rendered again from the
 * entries the comment keeps, never from the comment's Markdown), and the record of every apply
 * attempt. Every value is escaped like any other data.
 */



const MAX_CONFIGURATIONS = 20;
const MAX_FIELDS = 20;
const isPlaceholder = (value) => typeof value === 'string' && /^\(secret(: [a-z ]+)?\)$/.test(value);
function valueText(value) {
    if (value === undefined)
        return '_absent_';
    return isPlaceholder(value) ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(String(value)) : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(value, 80);
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function changeText(change) {
    if (!change)
        return '_no change_';
    return `${valueText(change.before)} → ${valueText(change.after)}`;
}
/**
 * "Changed since approval": for each configuration and field where the approved plan and the plan
 * of now differ, what was approved against what the apply would do now, and what applying now
 * would overwrite (a value set in LaunchDarkly since the approval).
 */
function changedSinceApproval(approved, now) {
    const current = (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .planEntries */ .W9)(now);
    const byKey = (entries) => new Map(entries.map(e => [e.configuration, e]));
    const [before, after] = [byKey(approved), byKey(current)];
    const keys = [...new Set([...before.keys(), ...after.keys()])];
    const blocks = [];
    for (const key of keys) {
        const a = before.get(key);
        const n = after.get(key);
        const name = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)((n ?? a)?.name ?? key);
        if (!n) {
            blocks.push(`**${name}**: approved to ${a?.action ?? 'change'}, but it no longer needs it (LaunchDarkly already reads as approved, or the files changed).`);
            continue;
        }
        if (!a) {
            blocks.push(`**${name}**: not in the approved plan; the apply would ${n.action} it now.`);
            continue;
        }
        const paths = [...new Set([...a.changes, ...n.changes].map(c => c.path))].sort();
        const rows = [];
        const overwrites = [];
        for (const path of paths) {
            const was = a.changes.find(c => c.path === path);
            const is = n.changes.find(c => c.path === path);
            if (was && is && same(was.before, is.before) && same(was.after, is.after))
                continue;
            rows.push([(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(path), changeText(was), changeText(is)]);
            // What LaunchDarkly holds now differs from what the reviewers saw: applying overwrites it.
            if (is && is.before !== undefined && !same(was?.before, is.before)) {
                overwrites.push(`${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(path)} = ${valueText(is.before)}`);
            }
        }
        if (rows.length === 0 && a.action === n.action)
            continue;
        const action = a.action === n.action ? '' : ` (approved to ${a.action}; now it would ${n.action})`;
        const shown = rows.slice(0, MAX_FIELDS);
        blocks.push([
            `**${name}**${action}:`,
            shown.length > 0
                ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(['Field', 'Approved (before → after)', 'Would apply now (before → after)'], shown)
                : undefined,
            rows.length > MAX_FIELDS ? `_and ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(rows.length - MAX_FIELDS, 'more field')}_` : '',
            overwrites.length > 0
                ? `Applying now would overwrite what was set since the approval: ${overwrites.join(', ')}.`
                : undefined
        ]
            .filter(part => part !== undefined && part !== '')
            .join('\n\n'));
    }
    const shown = blocks.slice(0, MAX_CONFIGURATIONS);
    const more = blocks.length > MAX_CONFIGURATIONS
        ? [
            `_and ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(blocks.length - MAX_CONFIGURATIONS, 'more configuration')} (in the job summary)_`
        ]
        : [];
    return ['#### Changed since approval', ...shown, ...more].join('\n\n');
}
/** The approved plan, from the entries the comment keeps, as the sections a plan shows. */
function approvedPlan(entries, facts) {
    const status = {
        create: 'would-create',
        update: 'would-update',
        delete: 'would-delete',
        failed: 'failed'
    };
    return entries
        .map(entry => {
        const id = entry.configuration.includes('/') ? undefined : entry.configuration;
        const outcome = {
            file: undefined,
            label: entry.name,
            id,
            name: entry.name,
            integrationKey: id ? undefined : entry.configuration.split('/')[0],
            status: status[entry.action],
            warnings: [],
            notices: [],
            changes: entry.changes.map(change => ({
                ...change,
                secret: isPlaceholder(change.before) || isPlaceholder(change.after)
            })),
            undecided: [],
            operations: undefined,
            configuration: undefined
        };
        return (0,_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .section */ .uW)(outcome, facts);
    })
        .join('\n\n');
}
const OUTCOME_WORDS = {
    applied: 'applied',
    'partly-applied': 'partly applied',
    failed: 'failed',
    refused: 'refused',
    'up-to-date': 'nothing to write'
};
/** The record of every apply attempt, newest last. */
function attemptHistory(attempts, runUrl) {
    if (attempts.length === 0)
        return undefined;
    const lines = attempts.map(attempt => {
        const run = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(`run ${attempt.runNumber ?? attempt.runId}, attempt ${attempt.attempt}`), runUrl(attempt.runId));
        const counts = [
            attempt.written > 0 ? `${(0,_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(attempt.written, 'configuration')} written` : undefined,
            attempt.failed > 0 ? `${attempt.failed} failed` : undefined
        ].filter(Boolean);
        const reason = attempt.reason ? ` (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(attempt.reason)})` : '';
        return `- ${run}: ${OUTCOME_WORDS[attempt.outcome]}${counts.length > 0 ? `, ${counts.join(', ')}` : ''}${reason}`;
    });
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .details */ .zH)(`Apply history: ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(attempts.length, 'attempt')}`, lines.join('\n'));
}


/***/ })

};

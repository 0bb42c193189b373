export const id = 189;
export const ids = [189];
export const modules = {

/***/ 5189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   approvedPlan: () => (/* binding */ approvedPlan),
/* harmony export */   attemptHistory: () => (/* binding */ attemptHistory),
/* harmony export */   changedSinceApproval: () => (/* binding */ changedSinceApproval)
/* harmony export */ });
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5527);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7715);
/* harmony import */ var _parts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4914);
/**
 * What the comment says about an approval: on a refusal, what changed since the plan was approved
 * (field by field, before the two plans), the approved plan itself (rendered again from the
 * entries the comment keeps, never from the comment's Markdown), and the record of every apply
 * attempt. Every value is escaped like any other data.
 */




const MAX_CONFIGURATIONS = 20;
const MAX_FIELDS = 20;
/** Whether a value holds a secret's placeholder anywhere: known by its type, never its text. */
function holdsSecret(value) {
    if (value instanceof _secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .SecretPlaceholder */ .ur)
        return true;
    if (Array.isArray(value))
        return value.some(holdsSecret);
    if (value !== null && typeof value === 'object')
        return Object.values(value).some(holdsSecret);
    return false;
}
function valueText(value) {
    if (value === undefined)
        return '_absent_';
    return value instanceof _secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .SecretPlaceholder */ .ur ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)(value.text) : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(value, 80);
}
// Placeholders compare by their status, as the fingerprint does.
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
        const name = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)((n ?? a)?.name ?? key);
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
            rows.push([(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)(path), changeText(was), changeText(is)]);
            // What LaunchDarkly holds now differs from what the reviewers saw: applying overwrites it.
            if (is && is.before !== undefined && !same(was?.before, is.before)) {
                overwrites.push(`${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)(path)} = ${valueText(is.before)}`);
            }
        }
        if (rows.length === 0 && a.action === n.action)
            continue;
        const action = a.action === n.action ? '' : ` (approved to ${a.action}; now it would ${n.action})`;
        const shown = rows.slice(0, MAX_FIELDS);
        blocks.push([
            `**${name}**${action}:`,
            shown.length > 0
                ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)(['Field', 'Approved (before → after)', 'Would apply now (before → after)'], shown)
                : undefined,
            rows.length > MAX_FIELDS ? `_and ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(rows.length - MAX_FIELDS, 'more field')}_` : '',
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
            `_and ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(blocks.length - MAX_CONFIGURATIONS, 'more configuration')} (in the job summary)_`
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
                secret: holdsSecret(change.before) || holdsSecret(change.after)
            })),
            undecided: [],
            operations: undefined,
            configuration: undefined
        };
        return (0,_parts_js__WEBPACK_IMPORTED_MODULE_3__/* .section */ .uW)(outcome, facts);
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
        const run = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .link */ .nf)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(`run ${attempt.runNumber ?? attempt.runId}, attempt ${attempt.attempt}`), runUrl(attempt.runId));
        const counts = [
            attempt.written > 0 ? `${(0,_parts_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(attempt.written, 'configuration')} written` : undefined,
            attempt.failed > 0 ? `${attempt.failed} failed` : undefined
        ].filter(Boolean);
        const reason = attempt.reason ? ` (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)(attempt.reason)})` : '';
        return `- ${run}: ${OUTCOME_WORDS[attempt.outcome]}${counts.length > 0 ? `, ${counts.join(', ')}` : ''}${reason}`;
    });
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .details */ .zH)(`Apply history: ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(attempts.length, 'attempt')}`, lines.join('\n'));
}


/***/ })

};

export const id = 810;
export const ids = [810,189];
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


/***/ }),

/***/ 6810:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  writeComment: () => (/* binding */ writeComment),
  writeFailureComment: () => (/* binding */ writeFailureComment)
});

// EXTERNAL MODULE: ./src/core/fingerprint.ts
var fingerprint = __webpack_require__(5527);
// EXTERNAL MODULE: ./src/core/guardrail-types.ts
var guardrail_types = __webpack_require__(1430);
// EXTERNAL MODULE: ./src/core/plan-comment.ts + 1 modules
var plan_comment = __webpack_require__(7821);
// EXTERNAL MODULE: ./src/core/render/approval.ts
var approval = __webpack_require__(5189);
// EXTERNAL MODULE: ./src/core/render/markdown.ts
var markdown = __webpack_require__(7715);
// EXTERNAL MODULE: ./src/core/render/parts.ts
var render_parts = __webpack_require__(4914);
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
    const render = (row, options = {}) => (0,render_parts/* section */.uW)(row.outcomes[0], facts, {
        open: open.has(row),
        same: row.outcomes.slice(1),
        namesCap: options.namesCap ?? GROUP_NAMES,
        maxLines: options.maxLines
    });
    const unmanagedBlock = unmanaged.length > 0
        ? `**${(0,render_parts/* plural */.LS)(unmanaged.length, 'configuration')} in LaunchDarkly that no file describes**${
        // Each one prune left says why; without prune, the hint is what to do.
        unmanaged.some(o => o.notices.length === 0) ? ' (`prune: true` deletes them)' : ''}:\n\n${(0,render_parts/* unchangedLines */.P5)(unmanaged, facts)}`
        : undefined;
    const unmanagedLine = unmanaged.length > 0
        ? `_${(0,render_parts/* plural */.LS)(unmanaged.length, 'configuration')} in LaunchDarkly that no file describes (listed in the job summary)._`
        : undefined;
    const unchangedBlock = unchanged.length > 0
        ? `<details><summary>${(0,render_parts/* plural */.LS)(unchanged.length, 'configuration')} unchanged</summary>\n\n${(0,render_parts/* unchangedLines */.P5)(unchanged, facts)}\n\n</details>`
        : undefined;
    const unchangedLine = unchanged.length > 0 ? `_${(0,render_parts/* plural */.LS)(unchanged.length, 'configuration')} unchanged._` : undefined;
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
        ? `- … and ${(0,render_parts/* plural */.LS)(hidden, 'more row')} (${rows
            .filter((_row, i) => shown[i] === undefined)
            .reduce((sum, row) => sum + row.outcomes.length, 0)
            .toLocaleString('en-US')} configurations; in the job summary)`
        : undefined;
    const dropped = rows.filter(row => droppedDiffs.has(row) && shown[rows.indexOf(row)]);
    const leftOut = [
        unchanged.length > 0
            ? `the list of ${(0,render_parts/* plural */.LS)(unchanged.length, 'unchanged configuration')}`
            : undefined,
        dropped.length > 0 ? `the diffs of ${names(dropped)}` : undefined,
        hidden > 0 ? `the lines of ${(0,render_parts/* plural */.LS)(hidden, 'more row')}` : undefined
    ].filter(Boolean);
    const note = (0,markdown/* alert */.xE)('NOTE', `This comment is shortened to stay under GitHub's limit of 65,536 characters: the riskiest changes are kept. Left out: ${leftOut.join('; ')}. The ${(0,markdown/* link */.nf)('job summary', facts.summaryUrl)} has every configuration and change.`);
    return { note, parts: compact([...shown, more, ...tail]) };
}
/** A row whose diff was left out: its name (or count), what happens, where the diff is. */
function lineOf(row) {
    const first = row.outcomes[0];
    const who = row.outcomes.length === 1
        ? (0,markdown/* literal */.eu)((0,render_parts/* nameOf */.Vb)(first))
        : `${row.outcomes.length.toLocaleString('en-US')} configurations (${(0,markdown/* literal */.eu)((0,render_parts/* nameOf */.Vb)(first))} and ${(0,render_parts/* plural */.LS)(row.outcomes.length - 1, 'more')}, the same change)`;
    const fields = (0,render_rows/* changedFields */.E0)(first);
    const what = (0,render_rows/* isUnverified */.sU)(first)
        ? 'a secret it cannot check'
        : `${render_parts/* STATUS_WORDS */.ly[first.status]}${fields ? ` ${(0,markdown/* text */.Qq)(fields)}` : ''}`;
    return `- ${who}: ${what} (diff in the job summary)`;
}
function names(rows) {
    const all = rows.map(row => row.outcomes.length === 1
        ? (0,markdown/* literal */.eu)((0,render_parts/* nameOf */.Vb)(row.outcomes[0]))
        : `${(0,markdown/* literal */.eu)((0,render_parts/* nameOf */.Vb)(row.outcomes[0]))} and ${row.outcomes.length - 1} like it`);
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
/** Past this, the approved plan is not repeated: the plan that would be applied now matters more. */
const APPROVED_ROOM = 20_000;
function approvedBlock(approved) {
    const shown = approved.length <= APPROVED_ROOM
        ? approved
        : "_The approved plan is too long to repeat here: the job summary of the plan run has it, and so does this comment's edit history._";
    return `#### What was approved\n\n${shown}`;
}
function renderComment(outcomes, facts) {
    const budget = Math.min(BUDGET, facts.room ?? BUDGET);
    const top = [
        `### LaunchDarkly · ${(0,markdown/* text */.Qq)((0,render_parts/* headline */.Pl)(outcomes, facts), 400)}`,
        (0,render_parts/* statusLine */.Bs)(outcomes, facts)
    ];
    // The failure comes first: a reviewer must not read "Disables X" before "it failed"; a refusal
    // shows the difference first, what changed since the approval.
    const alerts = [
        facts.refusal ? (0,markdown/* alert */.xE)('CAUTION', (0,markdown/* message */.iU)(facts.refusal.message)) : undefined,
        facts.refusal?.changed,
        ...(0,render_parts/* failureCallouts */.Wk)(outcomes, facts),
        ...(0,render_parts/* callouts */.uI)(outcomes)
    ].filter((part) => part !== undefined);
    const tail = [
        facts.refusal?.approved ? approvedBlock(facts.refusal.approved) : undefined,
        facts.history,
        footer(facts)
    ];
    const assemble = (shownAlerts, body) => [
        ...top,
        body.note,
        ...shownAlerts,
        facts.refusal ? '#### What the apply would do now' : undefined,
        ...body.parts,
        ...tail
    ]
        .filter((part) => part !== undefined && part !== '')
        .join('\n\n');
    const fitted = (shownAlerts) => assemble(shownAlerts, fitBody(outcomes, facts, budget - assemble(shownAlerts, { note: undefined, parts: [] }).length));
    const whole = fitted(alerts);
    if (whole.length <= budget)
        return whole;
    // The callouts alone are too long (thousands of failures with long, escaping-heavy names):
    // each is shortened to its share, never dropped.
    const share = Math.max(500, Math.floor((budget - 10_000) / Math.max(1, alerts.length)));
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
        '### LaunchDarkly · The configurations could not be checked',
        (0,markdown/* alert */.xE)('CAUTION', (0,markdown/* message */.iU)(failure.slice(0, 20_000))),
        (0,input_error/* errorExcerpt */.M)(facts.where),
        facts.history,
        footer(facts)
    ]
        .filter((part) => part !== undefined)
        .join('\n\n');
}
/** The last line of Markdown. The comment key is the protocol's alone: it means nothing to a reviewer. */
function footer(facts) {
    const run = facts.run;
    return `<sub>LaunchDarkly integration configuration action${run
        ? ` · ${(0,markdown/* link */.nf)((0,markdown/* text */.Qq)(run.label), run.url)} · ${(0,markdown/* link */.nf)('job summary', run.summaryUrl ?? run.url)}`
        : ''}</sub>`;
}

// EXTERNAL MODULE: ./src/io/run-context.ts
var run_context = __webpack_require__(3535);
;// CONCATENATED MODULE: ./src/stages/comment.ts








/** The comment of a plan or an apply, and the notification of a failed one. */
async function writeComment(session, runner, parts) {
    const { outcomes, failure, settings, key, context, facts } = parts;
    const refused = facts.refused;
    const previous = session.comment;
    // A plan is what the next apply approves; an apply keeps what was approved.
    const plan = settings.dryRun && !refused;
    const state = {
        ...(plan
            ? { approved: (0,fingerprint/* planEntries */.W9)(outcomes) }
            : previous?.state.approved
                ? { approved: previous.state.approved }
                : {}),
        attempts: [
            ...(previous?.state.attempts ?? []),
            ...(settings.dryRun
                ? []
                : [attemptOf(outcomes, failure, refused, context, previous?.fingerprint)])
        ]
    };
    const protocol = {
        key,
        ...(plan
            ? { fingerprint: (0,fingerprint/* planFingerprint */.an)(outcomes, session.pull.url, await guardrailsPart(settings)) }
            : previous?.fingerprint
                ? { fingerprint: previous.fingerprint }
                : {}),
        state
    };
    const markdown = renderComment(outcomes, {
        ...facts,
        key,
        refusal: parts.refusal,
        history: (0,approval.attemptHistory)(state.attempts, (0,run_context/* runIdUrl */.gp)(context)),
        summaryUrl: (0,run_context/* runUrl */.Vp)(context),
        room: COMMENT_LIMIT - 1_000 - (0,plan_comment/* protocolLength */.HL)(protocol)
    });
    const url = await session.write((0,plan_comment/* formatComment */.jw)(protocol, markdown));
    if (url)
        runner.setOutputs({ 'comment-url': url });
    if (!settings.dryRun && (refused || failure)) {
        await notify(session, (0,render_parts/* headline */.Pl)(outcomes, facts), url, context);
    }
}
/** The comment of a run that could not start; what the comment approved, and its record, stay. */
async function writeFailureComment(session, runner, parts) {
    const { message, key, context, location, excerpt } = parts;
    const sha = session.pull.headSha ?? context.sha;
    const links = (0,run_context/* commitLinks */.NW)(context, sha);
    const where = location?.file
        ? {
            file: location.file,
            line: location.line,
            url: links.fileUrl?.(location.file, location.line),
            excerpt,
            head: sha ? { sha, url: links.commitUrl(sha) } : undefined
        }
        : undefined;
    const previous = session.comment;
    const state = previous?.state ?? { attempts: [] };
    const body = (0,plan_comment/* formatComment */.jw)({ key, ...(previous?.fingerprint ? { fingerprint: previous.fingerprint } : {}), state }, renderFailureComment(message, {
        key,
        run: (0,run_context/* runLink */.ut)(context),
        where,
        history: (0,approval.attemptHistory)(state.attempts, (0,run_context/* runIdUrl */.gp)(context))
    }));
    const url = await session.write(body);
    if (url)
        runner.setOutputs({ 'comment-url': url });
}
/** The record of this apply attempt, for the comment's state. */
function attemptOf(outcomes, failure, refused, context, approved) {
    const done = outcomes.filter(o => o.status === 'created' || o.status === 'updated' || o.status === 'deleted');
    const failed = outcomes.filter(o => o.status === 'failed');
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
                    configuration: (0,fingerprint/* configurationKey */.kH)(o),
                    status: o.status
                }))
            })
    };
}
/** One short new comment, so that people watching the pull request hear of the failure. */
async function notify(session, said, url, context) {
    const where = url ? (0,markdown/* link */.nf)('the LaunchDarkly comment', url) : 'the LaunchDarkly comment';
    const run = (0,markdown/* link */.nf)((0,markdown/* text */.Qq)((0,run_context/* runLink */.ut)(context).label), (0,run_context/* runLink */.ut)(context).url);
    await session.notify(`**LaunchDarkly · ${(0,markdown/* text */.Qq)(said, 400)}** in ${run}. What happened and what to do: ${where}.`);
}
/** The guardrails' part of a plan's fingerprint: what the apply is checked against too. */
async function guardrailsPart(settings) {
    if (!(0,guardrail_types/* guardrailsSet */.L)(settings.guardrails))
        return '';
    const { guardrailsFingerprint } = await __webpack_require__.e(/* import() */ 629).then(__webpack_require__.bind(__webpack_require__, 629));
    return guardrailsFingerprint(settings.guardrails);
}


/***/ })

};

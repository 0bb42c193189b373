export const id = 527;
export const ids = [527];
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


/***/ })

};

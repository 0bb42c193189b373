export const id = 93;
export const ids = [93,629];
export const modules = {

/***/ 629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S2: () => (/* binding */ allowedOverLimit),
/* harmony export */   X9: () => (/* binding */ checkGuardrails),
/* harmony export */   guardrailsFingerprint: () => (/* binding */ guardrailsFingerprint),
/* harmony export */   xw: () => (/* binding */ parseProtectLine)
/* harmony export */ });
/* harmony import */ var _identifiers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3523);
/* harmony import */ var _guardrail_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1430);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2020);
/**
 * Guardrails: what a plan may never do, checked on the whole plan before any write. `protect`
 * names configurations this step may never disable or delete (nor, with `protect-secrets`, change
 * a secret of, nor take out of `protect` by renaming or untagging); `max-changes` caps how many
 * configurations one run creates, updates or deletes. A plan that breaks one is refused whole:
 * nothing is written, and the report says which guardrail, which configuration and how to proceed.
 */




/** Tags as LaunchDarkly's examples and `prune-keep-tag` spell them. */
const TAG_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** Why a line of `protect` names nothing, or the rule it is. `line` counts from 1. */
function parseProtectLine(raw, line) {
    const text = raw.trim();
    if (text.startsWith('tag:')) {
        const tag = text.slice(4).trim();
        return TAG_PATTERN.test(tag)
            ? { kind: 'tag', tag, line, text }
            : `"${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .abbreviate */ .S)(text, 80)}" names no tag: after tag: comes one tag (letters, digits, . _ -, at most 64), as in tag:approvals`;
    }
    if (_identifiers_js__WEBPACK_IMPORTED_MODULE_2__/* .CONFIGURATION_ID_PATTERN */ .ml.test(text))
        return { kind: 'id', id: text.toLowerCase(), line, text };
    const slash = text.indexOf('/');
    if (slash > 0) {
        const integrationKey = text.slice(0, slash).trim();
        const name = text.slice(slash + 1).trim();
        if (_identifiers_js__WEBPACK_IMPORTED_MODULE_2__/* .INTEGRATION_KEY_PATTERN */ .Q7.test(integrationKey) && name !== '') {
            return { kind: 'name', integrationKey, name, line, text };
        }
    }
    return `"${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .abbreviate */ .S)(text, 80)}" is not a way to name a configuration`;
}
function matches(rule, subject) {
    switch (rule.kind) {
        case 'id':
            return subject.id?.toLowerCase() === rule.id;
        case 'name':
            return subject.integrationKey === rule.integrationKey && subject.name === rule.name;
        case 'tag':
            return subject.tags.includes(rule.tag);
    }
}
/** What the plan does to a protected configuration that a guardrail forbids, said of `who`. */
function forbidden(plan, after, rules, protectSecrets) {
    if (plan.action === 'delete')
        return who => `it would delete ${who}`;
    if (plan.action !== 'update')
        return undefined;
    if (plan.live.enabled !== false && plan.expected.enabled === false) {
        return who => `it would disable ${who}`;
    }
    if (protectSecrets) {
        const secrets = plan.changes.filter(change => change.secret).map(change => change.path);
        if (secrets.length > 0) {
            const what = `the secret${secrets.length === 1 ? '' : 's'} at ${secrets.join(', ')}`;
            return who => `it would change ${what} of ${who}`;
        }
    }
    // Renamed or untagged out of every line, it could be disabled by the next run unguarded.
    if (!rules.some(rule => matches(rule, after))) {
        return who => `it would rename or untag ${who} so that no line of \`protect\` names it any more`;
    }
    return undefined;
}
const PROCEED_PROTECT = 'If it is meant, change `protect` in a pull request of its own, have that reviewed and merged, then run this again.';
/**
 * Checks a whole plan (the outcomes of planning every configuration, nothing written yet) against
 * the guardrails: the first one broken, or undefined when the plan may go ahead.
 */
function checkGuardrails(planned, guardrails) {
    const breaches = [];
    for (const outcome of planned) {
        const plan = outcome.plan;
        if (!plan || plan.action === 'create' || plan.action === 'none')
            continue;
        if (outcome.status === 'failed')
            continue;
        const live = plan.live;
        const before = {
            id: live._id,
            integrationKey: live._integrationKey ?? plan.integrationKey,
            name: live.name,
            tags: live.tags ?? []
        };
        const rules = guardrails.protect.filter(rule => matches(rule, before));
        const [rule] = rules;
        if (!rule)
            continue;
        const expected = plan.expected;
        const after = {
            ...before,
            name: typeof expected.name === 'string' ? expected.name : before.name,
            tags: Array.isArray(expected.tags)
                ? expected.tags.filter((tag) => typeof tag === 'string')
                : before.tags
        };
        const what = forbidden(plan, after, guardrails.protect, guardrails.protectSecrets);
        if (!what)
            continue;
        const who = `${live.name} (${[live._id, before.integrationKey].filter(Boolean).join(', ')})`;
        const lines = rules.map(r => `${r.line} (\`${r.text}\`)`).join(' and ');
        breaches.push(`${what(who)}, named by line${rules.length === 1 ? '' : 's'} ${lines} of \`protect\``);
    }
    if (breaches.length > 0) {
        const shown = breaches.slice(0, 10);
        const more = breaches.length > shown.length ? `; and ${breaches.length - shown.length} more` : '';
        return {
            guardrail: 'protect',
            reason: 'protected',
            message: `Refused by \`protect\`: ${shown.join('; ')}${more}. Nothing was written. ${PROCEED_PROTECT}`
        };
    }
    const limit = guardrails.maxChanges;
    if (limit === undefined)
        return undefined;
    const count = (action) => planned.filter(o => o.status !== 'failed' && o.plan?.action === action).length;
    const [created, updated, deleted] = [count('create'), count('update'), count('delete')];
    const total = created + updated + deleted;
    if (total <= limit || guardrails.allowManyChanges)
        return undefined;
    const parts = [
        created && `${created} to create`,
        updated && `${updated} to update`,
        deleted && `${deleted} to delete`
    ].filter(Boolean);
    return {
        guardrail: 'max-changes',
        reason: 'too-many-changes',
        message: `Refused by \`max-changes\`: this plan changes ${total} configurations (${parts.join(', ')}), and \`max-changes\` allows ${limit}. Nothing was written. Check the plan: a glob that matches too much or a bad export looks like this. If it is meant, split the change, raise \`max-changes\`, or set \`allow-many-changes: true\` for this run.`
    };
}
/** The warning of a run that goes over `max-changes` because `allow-many-changes` says so. */
function allowedOverLimit(planned, guardrails) {
    const limit = guardrails.maxChanges;
    if (limit === undefined || !guardrails.allowManyChanges)
        return undefined;
    const total = planned.filter(o => o.status !== 'failed' && o.plan !== undefined && o.plan.action !== 'none').length;
    return total > limit
        ? `This run changes ${total} configurations, more than \`max-changes\` (${limit}): \`allow-many-changes: true\` lets it.`
        : undefined;
}
/**
 * What the approved-plan fingerprint adds for the guardrails: nothing when none is set (so plans
 * approved before they existed still match), else every setting, normalised.
 */
function guardrailsFingerprint(guardrails) {
    if (!(0,_guardrail_types_js__WEBPACK_IMPORTED_MODULE_0__/* .guardrailsSet */ .L)(guardrails) && !guardrails.protectSecrets && !guardrails.allowManyChanges) {
        return '';
    }
    const rules = guardrails.protect
        .map(rule => rule.kind === 'id'
        ? `id:${rule.id}`
        : rule.kind === 'tag'
            ? `tag:${rule.tag}`
            : `name:${rule.integrationKey}/${rule.name}`)
        .sort();
    return JSON.stringify({
        protect: [...new Set(rules)],
        protectSecrets: guardrails.protectSecrets,
        maxChanges: guardrails.maxChanges ?? null,
        allowManyChanges: guardrails.allowManyChanges
    });
}


/***/ }),

/***/ 2093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   guardOf: () => (/* binding */ guardOf)
/* harmony export */ });
/* harmony import */ var _core_guardrails_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(629);

function guardOf(guardrails, log) {
    return {
        fingerprint: (0,_core_guardrails_js__WEBPACK_IMPORTED_MODULE_0__.guardrailsFingerprint)(guardrails),
        judge(plan) {
            const refusal = (0,_core_guardrails_js__WEBPACK_IMPORTED_MODULE_0__/* .checkGuardrails */ .X9)(plan, guardrails);
            if (refusal) {
                return { approved: false, failure: { reason: refusal.reason, message: refusal.message } };
            }
            // Going over `max-changes` with `allow-many-changes` is allowed, and said.
            const over = (0,_core_guardrails_js__WEBPACK_IMPORTED_MODULE_0__/* .allowedOverLimit */ .S2)(plan, guardrails);
            if (over)
                log.warning(over, { title: 'LaunchDarkly: allow-many-changes' });
            return undefined;
        }
    };
}


/***/ })

};

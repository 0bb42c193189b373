export const id = 994;
export const ids = [994];
export const modules = {

/***/ 2536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R5: () => (/* binding */ checkConfigValues),
/* harmony export */   fn: () => (/* binding */ lockedKeysChanged),
/* harmony export */   fy: () => (/* binding */ knownIntegrations),
/* harmony export */   uw: () => (/* binding */ configValueProblems)
/* harmony export */ });
/* harmony import */ var _generated_manifests_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9999);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2085);
/**
 * What LaunchDarkly's integration manifests say of configValues, checked before anything is
 * written: the keys a creation needs, the values an enum, a boolean, a URL or a list allows, the keys
 * LaunchDarkly does not let be edited once saved, and the integrations that need an OAuth connection
 * made in its UI. Whether LaunchDarkly checks these itself is not documented, so the action does.
 */


/** The integrations whose manifests the action has: every one that supports configurations. */
function knownIntegrations() {
    return Object.keys(_generated_manifests_js__WEBPACK_IMPORTED_MODULE_0__/* .MANIFESTS */ .V);
}
function checkConfigValues(check, manifests = _generated_manifests_js__WEBPACK_IMPORTED_MODULE_0__/* .MANIFESTS */ .V) {
    const findings = { errors: [], warnings: [], notices: [] };
    const manifest = manifests[check.integrationKey];
    if (!manifest) {
        findings.notices.push(`The action has no manifest of integration "${check.integrationKey}" (it knows ${Object.keys(manifests).join(', ')}): its configValues are sent as they are, unchecked.`);
        return findings;
    }
    const variables = new Map(manifest.formVariables.map(variable => [variable.key, variable]));
    const known = manifest.formVariables.map(variable => variable.key);
    if (check.creating) {
        const missing = manifest.formVariables.filter(variable => !variable.isOptional && check.configValues[variable.key] === undefined);
        if (missing.length > 0) {
            findings.errors.push(`${manifest.name} needs ${missing.map(describe).join(', ')} in configValues to create a configuration (its manifest marks ${missing.length === 1 ? 'it' : 'them'} required).`);
        }
        if (manifest.requiresOAuth) {
            findings.warnings.push(`${manifest.name} needs an OAuth connection, which only LaunchDarkly's UI can make: after the configuration is created, open it in LaunchDarkly (Integrations → ${manifest.name}) and complete the connection, or it will not work.`);
        }
    }
    for (const key of check.written) {
        if (variables.has(key))
            continue;
        const guess = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .closest */ .k)(key, known);
        findings.warnings.push(`configValues.${key} is not a key of ${manifest.name}'s manifest${guess ? ` (did you mean ${guess}?)` : ''}; its keys are ${known.length > 0 ? known.join(', ') : 'none'}. It is sent as it is.`);
    }
    const problems = configValueProblems(check.integrationKey, check.configValues, check.written, manifests);
    findings.errors.push(...problems.map(problem => problem.message));
    return findings;
}
/**
 * The values among `keys` that do not fit what the manifest says of them (an enum's allowed
 * values, a boolean, a URL...), or that remove a required key. Keys the manifest does not know
 * are not problems here (they are warnings); neither is an integration without a manifest.
 */
function configValueProblems(integrationKey, configValues, keys, manifests = _generated_manifests_js__WEBPACK_IMPORTED_MODULE_0__/* .MANIFESTS */ .V) {
    const manifest = manifests[integrationKey];
    const problems = [];
    const unknown = Object.keys(configValues).filter(key => !manifest?.formVariables.some(variable => variable.key === key));
    for (const key of keys) {
        const variable = manifest?.formVariables.find(candidate => candidate.key === key);
        if (!variable)
            continue;
        const value = configValues[key];
        // A required key missing beside an unknown one that is nearly its name: a typo, named.
        const typo = value === undefined && !variable.isOptional ? (0,_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .closest */ .k)(key, unknown) : undefined;
        if (typo && manifest) {
            problems.push({
                key: typo,
                message: `configValues.${typo} is not a key of ${manifest.name}'s manifest: did you mean ${key} (${variable.name})? ${key} is required, so it cannot be left out.`
            });
            continue;
        }
        const problem = value === undefined
            ? variable.isOptional
                ? undefined
                : 'is required by the manifest: it cannot be removed'
            : valueProblem(variable, value);
        if (problem)
            problems.push({ key, message: `configValues.${key} (${variable.name}) ${problem}.` });
    }
    return problems;
}
/**
 * Keys of a live configuration that the write would change though LaunchDarkly does not let them
 * be edited once the configuration is saved (the manifest's disableAfterSaving).
 */
function lockedKeysChanged(integrationKey, written, manifests = _generated_manifests_js__WEBPACK_IMPORTED_MODULE_0__/* .MANIFESTS */ .V) {
    const manifest = integrationKey === undefined ? undefined : manifests[integrationKey];
    const locked = (manifest?.formVariables ?? []).filter(variable => variable.disableAfterSaving && written.includes(variable.key));
    if (!manifest || locked.length === 0)
        return undefined;
    return `${manifest.name} does not allow editing ${locked.map(describe).join(', ')} after the configuration is saved (its manifest says disableAfterSaving). Keep the value LaunchDarkly has, or create a new configuration with the new value.`;
}
function describe(variable) {
    return `${variable.key} (${variable.name})`;
}
/** Why a value does not fit what the manifest says of its key; undefined when it does. */
function valueProblem(variable, value) {
    // Secret values are never quoted: the message could show them.
    const shown = variable.isSecret ? 'the value given' : JSON.stringify(value);
    switch (variable.type) {
        case 'enum':
            return typeof value === 'string' && (variable.allowedValues ?? [value]).includes(value)
                ? undefined
                : `must be one of ${(variable.allowedValues ?? []).join(', ')}, not ${shown}`;
        case 'boolean':
            return typeof value === 'boolean'
                ? undefined
                : `must be true or false (a YAML or JSON boolean, unquoted), not ${shown}`;
        case 'uri':
            return isWebUrl(value) ? undefined : `must be an http or https URL, not ${shown}`;
        case 'string':
            return typeof value === 'string' ? undefined : `must be a string, not ${shown}`;
        case 'multiselect': {
            const allowed = variable.allowedValues;
            const fits = Array.isArray(value) &&
                value.every(item => typeof item === 'string' && (!allowed || allowed.includes(item)));
            return fits
                ? undefined
                : `must be a list of strings${allowed ? ` among ${allowed.join(', ')}` : ''}, not ${shown}`;
        }
        default:
            // environmentSelector, publicKey, oauth, dynamicEnum...: LaunchDarkly's own shapes.
            return undefined;
    }
}
function isWebUrl(value) {
    if (typeof value !== 'string')
        return false;
    try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 9994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ checkWrite),
/* harmony export */   judgePatch: () => (/* binding */ judgePatch)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _manifest_rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2536);
/* harmony import */ var _narrow_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(256);
/* harmony import */ var _configuration_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8661);
/**
 * The manifest's rules (manifest-rules.ts) applied to what a plan writes: the configValues keys it
 * sends (every key, for a creation). Loaded by a patch-only run only when its patch writes one.
 */




/**
 * The manifest's rules for the configValues keys a write sends (every key, for a creation):
 * a problem stops the plan (nothing is written); warnings and notices go with it.
 */
function checkWrite(integrationKey, result, changes, creating, who) {
    const written = (0,_configuration_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .writtenConfigKeys */ .o0)(changes);
    if (integrationKey === undefined || (written.length === 0 && !creating)) {
        return { warnings: [], notices: [] };
    }
    // The spec makes configValues an object; a patch that made it anything else was refused.
    const configValues = (0,_narrow_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u)(result.configValues) ? result.configValues : {};
    const findings = (0,_manifest_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .checkConfigValues */ .R5)({ integrationKey, configValues, written, creating });
    const locked = creating ? undefined : (0,_manifest_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .lockedKeysChanged */ .fn)(integrationKey, written);
    const errors = [...findings.errors, ...(locked ? [locked] : [])];
    if (errors.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${who}: ${errors.join(' ')} Nothing was written.`, 'invalid-input');
    }
    return { warnings: findings.warnings, notices: findings.notices };
}
/** A patch's plan (configuration-plan.ts's patchPlan), judged by the manifest's rules. */
function judgePatch(plan, input) {
    if (plan.action === 'delete')
        return plan;
    const findings = checkWrite(plan.integrationKey, plan.expected, plan.changes, false, `Input \`${input}\``);
    return { ...plan, ...findings };
}


/***/ })

};

export const id = 583;
export const ids = [583];
export const modules = {

/***/ 583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseExport: () => (/* binding */ parseExport)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _identifiers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3523);
/* harmony import */ var _input_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2154);
/* harmony import */ var _manifest_rules_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2536);
/** The inputs of an export: where to write, which integrations, whether to overwrite. */




function parseExport(raw) {
    const read = (name) => raw[name];
    const directory = read('export-to').trim().replace(/\/+$/, '');
    if (directory === '' ||
        directory.startsWith('/') ||
        /^[A-Za-z]:/.test(directory) ||
        directory.split(/[\\/]/).some(part => part === '..') ||
        directory.includes('\0')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('export-to', `must be a directory inside the repository, relative to its root (such as launchdarkly), not ${JSON.stringify(directory)}.`);
    }
    // One per line, as the input says; commas too, as a workflow_dispatch text field gives them.
    const given = read('integration-keys');
    const listed = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_1__/* .splitLines */ .uz)(given.replace(/,/g, '\n'));
    // Given, but naming nothing (only a comment, or commas): not a reason to export everything.
    if (given.trim() !== '' && listed.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('integration-keys', 'names no integration: give one key per line (such as custom-approvals), or leave it out to export every integration.');
    }
    for (const key of listed) {
        const problem = (0,_identifiers_js__WEBPACK_IMPORTED_MODULE_3__/* .integrationKeyProblem */ .r0)(key);
        if (problem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('integration-keys', `${problem}.`);
    }
    return {
        kind: 'export',
        directory,
        integrationKeys: listed.length > 0 ? [...new Set(listed)] : (0,_manifest_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .knownIntegrations */ .fy)(),
        overwrite: (0,_input_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .yG)(read, 'export-overwrite')
    };
}


/***/ }),

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


/***/ })

};

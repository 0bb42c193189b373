export const id = 331;
export const ids = [331,994];
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

/***/ 4620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   oR: () => (/* binding */ planDesired),
/* harmony export */   sx: () => (/* reexport safe */ _configuration_plan_js__WEBPACK_IMPORTED_MODULE_3__.sx)
/* harmony export */ });
/* unused harmony export planPatch */
/* harmony import */ var _diff_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6292);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _write_rules_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9994);
/* harmony import */ var _configuration_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8661);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1480);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3054);
/**
 * Plans: for one configuration, given what LaunchDarkly holds now, what it should become, the patch
 * (or creation) that gets it there, and the change for people to read, judged by the manifest's
 * rules. Pure functions of their inputs, so every rule is testable without a server. What a plan is,
 * and the plans that need no manifest, are in configuration-plan.ts: a patch-only run loads that
 * alone at start-up (stages/plan.ts), and the manifest's rules only when its patch needs them.
 */






/**
 * Plans the user's JSON Patch operations against the live configuration. `input` names where the
 * operations came from (patch, patch-file or enabled), for messages.
 */
function planPatch(live, userOperations, input = 'patch') {
    return judgePatch(patchPlan(live, userOperations, input), input);
}
/** Plans a desired configuration: the fields it gives are managed exactly, the others left alone. */
function planDesired(live, desired, integrationKey, options) {
    const fields = _types_js__WEBPACK_IMPORTED_MODULE_4__/* .WRITABLE_FIELDS */ .r.filter(field => desired[field] !== undefined);
    const substituted = options.substituted ?? [];
    const desiredDocument = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .toJsonObject */ .NK)(structuredClone(desired));
    if (!live) {
        if (integrationKey === undefined || desired.name === undefined || !desired.configValues) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('A configuration is created with an integrationKey, a name and configValues.', 'invalid-input');
        }
        const body = {
            ...structuredClone(desired),
            name: desired.name,
            configValues: desired.configValues
        };
        // Diffing from empty objects lists each configValues key on its own, so a secret is named alone.
        const empty = { configValues: {}, capabilityConfig: {} };
        const { changes } = (0,_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .diffConfigurations */ .V)(empty, desiredDocument, fields, {
            scope: { integrationKey, substituted },
            rotateSecrets: false
        });
        return {
            action: 'create',
            integrationKey,
            expected: desiredDocument,
            body,
            changes,
            undecided: [],
            secretValues: (0,_configuration_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .collectSecrets */ .qb)(changes),
            substituted,
            ...(0,_write_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .checkWrite */ .G)(integrationKey, desiredDocument, changes, true, 'The configuration')
        };
    }
    const liveDocument = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .toJsonObject */ .NK)(live);
    const expected = { ...liveDocument, ...desiredDocument };
    const key = live._integrationKey ?? integrationKey;
    const { operations, changes, undecided } = (0,_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .diffConfigurations */ .V)(liveDocument, expected, fields, {
        scope: { integrationKey: key, substituted },
        rotateSecrets: options.rotateSecrets
    });
    const findings = (0,_write_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .checkWrite */ .G)(key, expected, changes, false, 'The configuration');
    return (0,_configuration_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .finishPlan */ .FI)(live, expected, operations, { changes, undecided, substituted, ...findings });
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


/***/ }),

/***/ 4331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planDesiredWork: () => (/* binding */ planDesiredWork)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_outcome_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9411);
/* harmony import */ var _core_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4620);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8198);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(231);





function planDesiredWork(configurations, context) {
    context.protect(configurations.flatMap(c => c.substituted));
    for (const c of configurations) {
        const values = Object.entries(c.fields.configValues ?? {});
        context.protect(values.flatMap(([key, value]) => typeof value === 'string' &&
            (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .isSecretPath */ ._p)(['configValues', key], { integrationKey: c.integrationKey })
            ? [value]
            : []));
    }
    const reads = (0,_read_js__WEBPACK_IMPORTED_MODULE_4__/* .readDesired */ .B2)(configurations, context.client);
    const configured = configurations.map(async (c, index) => {
        const result = await reads.results[index];
        const live = result.kind === 'found' ? result.live : undefined;
        const known = {
            file: c.file,
            line: c.line,
            label: `${c.label} in ${c.file}`,
            id: live?._id ?? c.id,
            name: live?.name ?? c.name,
            integrationKey: live?._integrationKey ?? c.integrationKey,
            warnings: [],
            notices: []
        };
        try {
            if (result.kind === 'failed')
                throw result.error;
            if (result.kind === 'missing') {
                assertCreatable(c, result.notFound, context.settings.createMissing);
            }
            const plan = (0,_core_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .planDesired */ .oR)(live, c.fields, known.integrationKey, {
                rotateSecrets: context.settings.rotateSecrets,
                substituted: c.substitutedPaths
            });
            return { known, plan };
        }
        catch (error) {
            return { known, outcome: (0,_core_outcome_js__WEBPACK_IMPORTED_MODULE_1__/* .failedOutcome */ .iS)(known, error) };
        }
    });
    return { configured, unmanaged: findUnmanaged(reads, context.settings, context.client) };
}
/**
 * The configurations listed under the integrations the files name that no file describes. With
 * `prune`, each is planned for deletion unless it carries the keep tag; without, it is reported.
 */
async function findUnmanaged(reads, settings, client) {
    const found = await (0,_read_js__WEBPACK_IMPORTED_MODULE_4__/* .readUnmanaged */ .VX)(reads, { prune: settings.prune, keepTag: settings.pruneKeepTag }, client);
    return found.map(({ integrationKey, live, ...decision }) => {
        const known = {
            file: undefined,
            label: live.name,
            id: live._id,
            name: live.name,
            integrationKey,
            warnings: [],
            notices: [],
            inNoFile: true
        };
        if (decision.kind === 'failed')
            return { known, outcome: (0,_core_outcome_js__WEBPACK_IMPORTED_MODULE_1__/* .failedOutcome */ .iS)(known, decision.error) };
        if (decision.kind === 'deletable') {
            return { known, plan: (0,_core_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .planDeletion */ .sx)(live, integrationKey) };
        }
        // Reported in one line each; a configuration `prune` keeps says why it was kept.
        const notices = decision.kind === 'kept'
            ? [`Kept: it has the tag ${settings.pruneKeepTag} (\`prune-keep-tag\`).`]
            : [];
        return { known, outcome: { ...known, status: 'unmanaged', notices } };
    });
}
function assertCreatable(c, notFound, createMissing) {
    const where = `${c.file} configuration ${c.label}`;
    if (!createMissing) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${where}: ${notFound} in LaunchDarkly. Check the id or name; to create it, set \`create-missing: true\` (the file must then give integrationKey, name and configValues).`, 'not-found');
    }
    if (c.id) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${where}: ${notFound}, and a configuration cannot be created with a chosen id. To create it, remove \`id\` and give integrationKey and name.`, 'not-found');
    }
    const missing = ['integrationKey', 'name', 'configValues'].filter(field => field === 'configValues' ? c.fields.configValues === undefined : !c[field]);
    if (missing.length > 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${where}: ${notFound}, and creating it needs ${missing.join(' and ')} in the file (LaunchDarkly requires name and configValues).`, 'invalid-input');
    }
}


/***/ }),

/***/ 231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ readDesired),
/* harmony export */   PR: () => (/* binding */ carriesSettings),
/* harmony export */   VX: () => (/* binding */ readUnmanaged)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/**
 * Starts every read at once (the client bounds how many are in flight) and answers each
 * configuration as soon as its own read is back, so that writes start while other reads go on.
 */
function readDesired(configurations, client) {
    const lists = new Map();
    const list = (integrationKey) => {
        let pending = lists.get(integrationKey);
        if (!pending) {
            pending = client.listConfigurations(integrationKey).catch(_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toActionError */ .ie);
            lists.set(integrationKey, pending);
        }
        return pending;
    };
    const get = (id) => client.getConfiguration(id).then(live => [live], 
    // A configuration that is not there is an answer, not a failure: it may be created.
    (error) => error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ && error.reason === 'not-found' ? [] : (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toActionError */ .ie)(error));
    // Configurations named by id elsewhere must not also be reached by name.
    const explicitIds = new Map();
    for (const c of configurations)
        if (c.by === 'id')
            explicitIds.set(c.id, c);
    const read = async (c) => {
        // By name, from its integration's list; by id, from the list too when the file names the
        // integration (the list finds the others of the key), else by its id alone.
        const byList = c.by === 'name' || c.integrationKey !== undefined;
        const answer = await (c.by === 'name'
            ? list(c.integrationKey)
            : c.integrationKey === undefined
                ? get(c.id)
                : list(c.integrationKey));
        if (answer instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ)
            return { kind: 'failed', error: answer };
        const result = pick(c, answer);
        const owner = result.kind === 'found' && !c.id ? explicitIds.get(result.live._id) : undefined;
        if (owner) {
            return {
                kind: 'failed',
                error: new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${c.file} configuration ${c.label} and ${owner.file} configuration ${owner.label} are the same LaunchDarkly configuration (${owner.id}): describe it once.`, 'invalid-input'),
                matched: [owner.id]
            };
        }
        if (result.kind === 'found' && byList && isSummary(result.live, c)) {
            // The list gave a summary: the file manages a field it left out. Read the whole one.
            const [full] = await get(result.live._id).then(answer => answer instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ ? [answer] : answer);
            if (full instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ) {
                return { kind: 'failed', error: full, matched: [result.live._id] };
            }
            return full ? { kind: 'found', live: full } : result;
        }
        return result;
    };
    // Each read asks for its list before its first await, so `lists` is complete when this returns.
    const results = configurations.map(async (c) => {
        const result = await read(c);
        if (result.kind !== 'failed' || !c.id || result.matched?.includes(c.id))
            return result;
        return { ...result, matched: [...(result.matched ?? []), c.id] };
    });
    return { results, lists };
}
/**
 * Whether a list item lacks a field the desired configuration manages. LaunchDarkly documents
 * that the lists of sibling resources leave a configuration's details out; planning from such an
 * item would rewrite them on every run.
 */
function isSummary(item, c) {
    return Object.keys(c.fields).some(field => !(field in item));
}
function pick(c, items) {
    const where = c.integrationKey ? ` of integration ${c.integrationKey}` : '';
    if (c.id) {
        const live = items.find(item => item._id === c.id);
        if (!live)
            return { kind: 'missing', notFound: `there is no configuration with id ${c.id}${where}` };
        if (c.integrationKey && live._integrationKey && live._integrationKey !== c.integrationKey) {
            return {
                kind: 'failed',
                error: new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${c.file} configuration ${c.label} says integrationKey ${c.integrationKey}, but configuration ${c.id} belongs to ${live._integrationKey}: fix one of the two.`, 'invalid-input')
            };
        }
        return { kind: 'found', live };
    }
    const named = items.filter(item => item.name === c.name);
    if (named.length > 1) {
        return {
            kind: 'failed',
            error: new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${c.file} configuration ${c.label}: ${named.length} configurations${where} are named "${c.name}" (${named.map(n => n._id).join(', ')}). Say which one with \`id\`.`, 'invalid-input'),
            matched: named.map(n => n._id)
        };
    }
    const live = named[0];
    return live
        ? { kind: 'found', live }
        : { kind: 'missing', notFound: `there is no configuration named "${c.name}"${where}` };
}
/**
 * The settings a deletion shows and an export writes, besides the name: a list item that carries
 * them all is the configuration as a read by ID gives it. capabilityConfig is not among them: a
 * read by ID leaves it out of a configuration that has none, so its absence cannot tell a summary
 * from a whole item; it comes with the details (configValues), as the lists of LaunchDarkly's
 * sibling resources are documented to give them all or none.
 */
const SETTINGS = ['enabled', 'tags', 'configValues'];
/** Whether a list item carries every setting: a deletion or an export can be decided from it. */
function carriesSettings(item) {
    return SETTINGS.every(field => item[field] !== undefined);
}
/**
 * The configurations no file describes, each read as far as the decision about it needs: none
 * further to be reported; its tags to be kept; every setting to be deleted, so that the plan shows
 * (and its fingerprint covers) everything that goes. A list item without them is read by ID; one
 * deleted meanwhile is left out. Each configuration once, even if two lists hold it.
 */
async function readUnmanaged(reads, rule, client) {
    // A configuration whose read failed after it was matched is still described: it failed already.
    const described = new Set((await Promise.all(reads.results)).flatMap(r => r.kind === 'found' ? [r.live._id] : r.kind === 'failed' ? (r.matched ?? []) : []));
    const pending = [];
    for (const [integrationKey, list] of reads.lists) {
        const listed = await list;
        // A key that could not be listed has its configurations failed already.
        if (listed instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ)
            continue;
        for (const item of listed) {
            if (described.has(item._id))
                continue;
            described.add(item._id);
            pending.push(decide(integrationKey, item, rule, client));
        }
    }
    return (await Promise.all(pending)).filter(read => read !== undefined);
}
async function decide(integrationKey, item, rule, client) {
    const kept = (c) => c.tags?.includes(rule.keepTag) === true;
    if (!rule.prune)
        return { kind: 'listed', integrationKey, live: item };
    if (kept(item))
        return { kind: 'kept', integrationKey, live: item };
    let live = item;
    if (!carriesSettings(item)) {
        try {
            live = await client.getConfiguration(item._id);
        }
        catch (error) {
            const failure = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toActionError */ .ie)(error);
            // Deleted since it was listed: nothing left to decide.
            if (failure.reason === 'not-found')
                return undefined;
            return { kind: 'failed', integrationKey, live: item, error: failure };
        }
    }
    return { kind: kept(live) ? 'kept' : 'deletable', integrationKey, live };
}


/***/ })

};

export const id = 295;
export const ids = [295,287];
export const modules = {

/***/ 8287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exportConfigurations: () => (/* binding */ exportConfigurations),
  exportFilePath: () => (/* binding */ exportFilePath),
  isExportFileOf: () => (/* binding */ isExportFileOf),
  reportOfExport: () => (/* binding */ reportOfExport)
});

// EXTERNAL MODULE: ./src/core/documents.ts + 1 modules
var documents = __webpack_require__(9415);
;// CONCATENATED MODULE: ./src/core/export-names.ts
/**
 * The names of the environment variables (and repository secrets) an export's placeholders refer
 * to. A name must be the same on every export whatever else is exported, and no two secrets may
 * ever share one: a repository secret set once keeps feeding the value it was set for, and a name
 * that two configurations could share would write one integration's key into another.
 *
 * So a name is built only from what identifies the secret, and spelled so that it can be read
 * back: LAUNCHDARKLY_<INTEGRATION>_<KEY>_<ID>, where ID is the configuration's `_id` (24 hex
 * digits, upper case) and KEY the secret's path inside configValues in an encoding no two paths
 * share (below). The ID, of fixed length at the end, names the configuration and with it the
 * integration; given those, KEY reads back to one path. INTEGRATION is there for people.
 *
 * Valid as an environment variable and a GitHub secret name (A–Z, 0–9 and `_`, not starting with a
 * digit or GITHUB_; GitHub compares secret names without case, so only upper case is used). Not
 * LD_…: the dynamic linker reads variables of that prefix.
 */
/**
 * KEY: a lower-case letter or a digit as itself in upper case; an upper-case letter as `_` and the
 * letter (so `apiKey` reads API_KEY); `_` as `__`; `-` as `_1`, `.` as `_2`, anything else as `_3`
 * and its code point in 6 hex digits; and between the keys of a nested path, `_0`. Every `_` starts
 * a two-character code (or `_3` and six digits), so the spelling reads back one way only.
 */
function encodePath(tokens) {
    return tokens.map(encodeToken).join('_0');
}
function encodeToken(token) {
    let out = '';
    for (const character of token) {
        if (/[a-z0-9]/.test(character))
            out += character.toUpperCase();
        else if (/[A-Z]/.test(character))
            out += `_${character}`;
        else if (character === '_')
            out += '__';
        else if (character === '-')
            out += '_1';
        else if (character === '.')
            out += '_2';
        else {
            const code = (character.codePointAt(0) ?? 0).toString(16).toUpperCase();
            out += `_3${code.padStart(6, '0')}`;
        }
    }
    return out;
}
/** The readable part for the integration: upper case, other characters as `_`. */
function integrationPart(integrationKey) {
    return integrationKey
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '');
}
/**
 * The variable of the secret at `tokens` (a path within the configuration, from `configValues`)
 * of configuration `id` of integration `integrationKey`.
 */
function secretVariableName(integrationKey, id, tokens) {
    const inside = tokens[0] === 'configValues' ? tokens.slice(1) : tokens;
    return ['LAUNCHDARKLY', integrationPart(integrationKey), encodePath(inside), encodeId(id)]
        .filter(part => part !== '')
        .join('_');
}
/** An ID as LaunchDarkly gives them (24 hex digits) in upper case; any other, encoded as a key. */
function encodeId(id) {
    return /^[0-9a-fA-F]{24}$/.test(id) ? id.toUpperCase() : `X${encodeToken(id)}`;
}

// EXTERNAL MODULE: ./src/generated/fields.ts
var fields = __webpack_require__(1480);
// EXTERNAL MODULE: ./src/core/json-patch.ts + 2 modules
var json_patch = __webpack_require__(4431);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
;// CONCATENATED MODULE: ./src/core/export.ts
/**
 * Export: the configurations LaunchDarkly holds, as desired-state files a team can commit, one per
 * integration (split into parts where one file would pass the loader's size limit). Stable (sorted
 * by name, then ID; keys in the schema's order), so that exporting again gives the same bytes; and
 * safe: a secret string is never written, only a `${VAR}` placeholder whose name identifies the
 * integration, the configuration and the key (export-names.ts). Whether the files read back is
 * proven before they are written (export-proof.ts).
 */





function reportOfExport(exported) {
    return {
        files: exported.files.map(file => ({
            path: file.path,
            integrationKey: file.integrationKey,
            count: file.configurations.length
        })),
        variables: exported.variables
    };
}
/** The order of the desired-state schema's properties: how to find it, then what it holds. */
const FIELD_ORDER = ['id', 'integrationKey', ...fields/* WRITABLE_FIELDS */.r];
/**
 * The files of integration `key`: `<key>.yaml`, then `<key>--part-2.yaml`… when one file would be
 * larger than the loader takes. No integration key holds `--`, so no part is another key's file.
 */
function exportFilePath(directory, integrationKey, part = 1) {
    const suffix = part === 1 ? '' : `--part-${part}`;
    return `${directory.replace(/\/+$/, '')}/${integrationKey}${suffix}.yaml`;
}
/** Whether a file name is one an export of this integration writes. */
function isExportFileOf(name, integrationKey) {
    if (name === `${integrationKey}.yaml`)
        return true;
    const part = name.startsWith(`${integrationKey}--part-`)
        ? name.slice(integrationKey.length + '--part-'.length)
        : '';
    return /^[1-9][0-9]*\.yaml$/.test(part);
}
async function exportConfigurations(byKey, options, maxFileBytes = documents/* MAX_DOCUMENT_BYTES */.bi) {
    const { stringify } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const integrations = [...byKey]
        .sort(([a], [b]) => compare(a, b))
        .filter(([, found]) => found.length > 0)
        .map(([integrationKey, found]) => ({
        integrationKey,
        configurations: [...found].sort((a, b) => compare(a.name, b.name) || compare(a._id, b._id))
    }));
    const variables = [];
    const files = [];
    const unexportable = [];
    for (const { integrationKey, configurations } of integrations) {
        // Each configuration as an item of the `configurations` list, on its own: a part is a header,
        // `configurations:` and its items, which is the text the list as a whole gives.
        const items = configurations.map(live => {
            const document = documentOf(integrationKey, live, tokens => {
                const name = secretVariableName(integrationKey, live._id, tokens);
                variables.push({
                    name,
                    integrationKey,
                    configuration: live.name,
                    id: live._id,
                    path: (0,json_patch/* formatPointer */.$2)(tokens)
                });
                return `\${${name}}`;
            });
            const text = stringify({ configurations: [document] }, { lineWidth: 0 });
            return { live, text: text.slice(text.indexOf('\n') + 1) };
        });
        const parts = [];
        for (const item of items) {
            const bytes = Buffer.byteLength(item.text, 'utf8');
            const last = parts[parts.length - 1];
            const header = Buffer.byteLength(headerOf(integrationKey, options.schema, parts.length + 1));
            if (header + bytes > maxFileBytes) {
                unexportable.push({
                    integrationKey,
                    configuration: item.live,
                    problem: `written alone it takes ${bytes} bytes, more than the ${maxFileBytes} a desired-state file may hold, so no file can hold it`
                });
            }
            else if (last && last.bytes + bytes <= maxFileBytes) {
                last.items.push(item);
                last.bytes += bytes;
            }
            else {
                parts.push({ items: [item], bytes: header + bytes });
            }
        }
        parts.forEach((part, index) => {
            files.push({
                path: exportFilePath(options.directory, integrationKey, index + 1),
                integrationKey,
                text: `${headerOf(integrationKey, options.schema, index + 1)}${part.items.map(item => item.text).join('')}`,
                configurations: part.items.map(item => item.live)
            });
        });
    }
    return { files, variables, unexportable };
}
function headerOf(integrationKey, schema, part) {
    return `${[
        `# yaml-language-server: $schema=${schema}`,
        `# ${integrationKey}${part === 1 ? '' : `, part ${part}`}: exported from LaunchDarkly by the integration configuration action.`,
        "# Secrets are not here: each ${VAR} is read from the step's environment (a repository secret)."
    ].join('\n')}\nconfigurations:\n`;
}
/** A configuration as a file holds it: only `id`, `integrationKey` and the writable fields. */
function documentOf(integrationKey, live, placeholder) {
    const document = {};
    const source = { ...live, integrationKey, id: live._id };
    for (const field of FIELD_ORDER) {
        const value = source[field];
        if (value === undefined)
            continue;
        document[field] = toFileValue([field], value, {
            secret: tokens => (0,secrets/* isSecretPath */._p)(tokens, { integrationKey, live }),
            placeholder
        });
    }
    return document;
}
/**
 * A value as a file holds it: a secret string as a placeholder, `${` written `$${` so it stays
 * literal. Only strings become placeholders: a `${VAR}` is substituted as a string, so a number or
 * a boolean at a secret path is written as itself (LaunchDarkly showed it in clear; its mask would
 * be a string) and reads back as the same number or boolean.
 */
function toFileValue(tokens, value, rules) {
    if (typeof value === 'string') {
        return rules.secret(tokens) ? rules.placeholder(tokens) : value.replace(/\$\{/g, () => '$${');
    }
    if (Array.isArray(value))
        return value.map((item, i) => toFileValue([...tokens, String(i)], item, rules));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [
            key,
            toFileValue([...tokens, key], inner, rules)
        ]));
    }
    return value;
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 4295:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exportWork: () => (/* binding */ exportWork)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/export.ts + 1 modules
var core_export = __webpack_require__(8287);
// EXTERNAL MODULE: ./src/core/desired-state.ts + 1 modules
var desired_state = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/core/json-patch.ts + 2 modules
var json_patch = __webpack_require__(4431);
// EXTERNAL MODULE: ./src/core/plan.ts + 1 modules
var core_plan = __webpack_require__(9272);
;// CONCATENATED MODULE: ./src/core/export-proof.ts
/**
 * The proof an export gives before it writes anything: every file it would write is loaded by the
 * action's own loader, with each `${VAR}` set to what LaunchDarkly showed at that place, and every
 * configuration is planned against the configuration it came from. A file that does not load, a
 * configuration that would change, one missing or one described twice, is a problem named by
 * integration and configuration: the export then writes nothing.
 */




async function proveRoundTrip(exported) {
    const problems = [...exported.unexportable];
    const byId = new Map();
    for (const file of exported.files) {
        for (const live of file.configurations) {
            byId.set(live._id, { integrationKey: file.integrationKey, live });
        }
    }
    // Each variable set to the value LaunchDarkly showed at its place: a mask, or a value in clear.
    const environment = {};
    const owners = new Map();
    for (const variable of exported.variables) {
        const source = byId.get(variable.id);
        if (!source)
            continue; // a configuration no file holds: named below
        const value = (0,json_patch/* valueAt */.fK)(source.live, (0,json_patch/* parsePointer */.vp)(variable.path) ?? []);
        const owner = `${variable.id} ${variable.path}`;
        const taken = owners.get(variable.name);
        owners.set(variable.name, taken ?? owner);
        if (typeof value !== 'string' || (taken !== undefined && taken !== owner)) {
            problems.push({
                integrationKey: variable.integrationKey,
                configuration: source.live,
                problem: `its secret variable ${variable.name} (${variable.path}) ${typeof value !== 'string' ? 'stands for no string' : 'is also given to another secret'}`
            });
            continue;
        }
        environment[variable.name] = value;
    }
    const seen = new Map();
    for (const file of exported.files) {
        let loaded;
        try {
            loaded = await (0,desired_state.loadDesiredState)([{ path: file.path, text: file.text }], {
                configurationId: undefined,
                environment
            });
        }
        catch (error) {
            problems.push(...(await blame(file, environment, (0,errors/* describeError */.Uc)(error))));
            continue;
        }
        for (const desired of loaded) {
            const id = desired.id ?? '';
            const source = byId.get(id);
            const where = seen.get(id);
            if (!source || where !== undefined) {
                throw new Error(`The export's own file ${file.path} describes ${desired.label} ${where ? `again (also in ${where})` : 'which it was not given'}.`);
            }
            seen.set(id, file.path);
            const problem = replan(desired, source.live, source.integrationKey);
            if (problem)
                problems.push({ ...source, configuration: source.live, problem });
        }
    }
    for (const [id, source] of byId) {
        if (!seen.has(id) && !problems.some(p => p.configuration._id === id)) {
            problems.push({
                ...source,
                configuration: source.live,
                problem: 'no file read back holds it'
            });
        }
    }
    return problems;
}
/** What planning the configuration as read back would do to the one it came from, if anything. */
function replan(desired, live, integrationKey) {
    try {
        const plan = (0,core_plan/* planDesired */.oR)(live, desired.fields, desired.integrationKey ?? integrationKey, {
            rotateSecrets: false,
            substituted: desired.substitutedPaths
        });
        if (plan.action === 'none')
            return undefined;
        return `read back, it would change ${plan.changes.map(change => change.path).join(', ')}`;
    }
    catch (error) {
        return `read back, it cannot be planned: ${(0,errors/* describeError */.Uc)(error)}`;
    }
}
/**
 * A file that does not load: which of its configurations is at fault, found by loading each alone
 * (a file is a header, `configurations:` and one item per configuration). If none is on its own,
 * the file as a whole is, and every configuration in it is named.
 */
async function blame(file, environment, message) {
    const { stringify } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const problems = [];
    for (const live of file.configurations) {
        const text = file.text;
        const lines = text.split('\n');
        const start = lines.findIndex(line => line === 'configurations:');
        const header = lines.slice(0, start + 1).join('\n');
        const item = itemText(text, live._id, stringify);
        if (item === undefined)
            continue;
        try {
            await (0,desired_state.loadDesiredState)([{ path: file.path, text: `${header}\n${item}` }], {
                configurationId: undefined,
                environment
            });
        }
        catch (error) {
            problems.push({
                integrationKey: file.integrationKey,
                configuration: live,
                problem: (0,errors/* describeError */.Uc)(error)
            });
        }
    }
    if (problems.length > 0)
        return problems;
    return file.configurations.map(live => ({
        integrationKey: file.integrationKey,
        configuration: live,
        problem: `its file ${file.path} does not read back: ${message}`
    }));
}
/** The item of the `configurations` list whose `id` is this one, as the file spells it. */
function itemText(text, id, stringify) {
    const items = text.split(/\n(?= {2}- )/);
    const quoted = stringify(id).trim();
    return items.find(item => item.startsWith('  - id: ') && item.slice('  - id: '.length).split('\n')[0] === quoted);
}

// EXTERNAL MODULE: ./src/stages/read.ts
var read = __webpack_require__(231);
;// CONCATENATED MODULE: ./src/stages/export.ts
/**
 * The export: one list per integration key, a read by ID for each list item that does not carry
 * every setting, then the desired-state files, proven to read back before any is written. No file
 * is replaced without `export-overwrite`; that, and that the directory is in the workspace, are
 * checked before any request.
 */




async function exportWork(work, context) {
    // The files an export of these keys may write: `<key>.yaml`, and its parts.
    const ours = (name) => work.integrationKeys.some(key => (0,core_export.isExportFileOf)(name, key));
    const existing = context.files.list(work.directory).filter(ours);
    if (!work.overwrite && existing.length > 0) {
        const paths = existing.map(name => `${work.directory}/${name}`);
        throw new errors/* InputError */.dz('export-overwrite', `is false, and ${paths.join(', ')} ${paths.length === 1 ? 'exists' : 'exist'} already: set \`export-overwrite: true\` to replace ${paths.length === 1 ? 'it' : 'them'}, or export to another directory.`);
    }
    context.files.prepare(work.directory);
    const failures = [];
    const listed = await Promise.all(work.integrationKeys.map(async (key) => {
        try {
            return [key, await readWhole(key, context.client)];
        }
        catch (error) {
            const { message, reason } = (0,errors/* toActionError */.ie)(error);
            failures.push(outcomeOf(key, undefined, { message, reason }));
            return [key, []];
        }
    }));
    const exported = await (0,core_export.exportConfigurations)(new Map(listed), {
        directory: work.directory,
        schema: context.schema
    });
    // Nothing is written unless every file reads back to what LaunchDarkly holds.
    const problems = await proveRoundTrip(exported);
    if (problems.length > 0) {
        const outcomes = problems.map(({ integrationKey, configuration, problem }) => outcomeOf(integrationKey, configuration, {
            reason: 'api-error',
            message: `${configuration.name} (${configuration._id}, ${integrationKey}) cannot be exported so that it reads back: ${problem}. No file was written. Leave the integration out with \`integration-keys\`, or change the configuration in LaunchDarkly.`
        }));
        return {
            outcomes: [...failures, ...outcomes],
            exported: { ...exported, files: [], variables: [] }
        };
    }
    const outcomes = [...failures];
    const written = new Set();
    for (const file of exported.files) {
        context.files.write(file.path, file.text, work.overwrite);
        written.add(file.path);
        context.log.info(`Wrote ${file.path}: ${file.configurations.length} configuration${file.configurations.length === 1 ? '' : 's'} of ${file.integrationKey}.`);
        for (const live of file.configurations) {
            outcomes.push({
                ...outcomeOf(file.integrationKey, live),
                file: file.path,
                status: 'exported'
            });
        }
    }
    // A part left from an earlier, larger export would describe its configurations twice.
    for (const name of existing) {
        const path = `${work.directory}/${name}`;
        const key = work.integrationKeys.find(k => (0,core_export.isExportFileOf)(name, k));
        const listedOk = key !== undefined && !failures.some(f => f.integrationKey === key);
        if (!written.has(path) && name.includes('--part-') && listedOk) {
            context.files.remove(path);
            context.log.info(`Removed ${path}: the export of ${key} has fewer parts now.`);
        }
    }
    return { outcomes, exported };
}
/**
 * Every configuration of an integration, each as a read by ID gives it: a list item that does not
 * carry every setting (the spec requires only `_links`, `_id` and `name`) is read by ID; one
 * deleted since it was listed is left out.
 */
async function readWhole(integrationKey, client) {
    const items = await client.listConfigurations(integrationKey);
    const whole = await Promise.all(items.map(async (item) => {
        if ((0,read/* carriesSettings */.PR)(item))
            return item;
        try {
            return await client.getConfiguration(item._id);
        }
        catch (error) {
            if (error instanceof errors/* ActionError */.lZ && error.reason === 'not-found')
                return undefined;
            throw error;
        }
    }));
    return whole.filter(live => live !== undefined);
}
function outcomeOf(integrationKey, live, error) {
    return {
        file: undefined,
        label: live?.name ?? integrationKey,
        id: live?._id,
        name: live?.name ?? integrationKey,
        integrationKey,
        status: error ? 'failed' : 'exported',
        warnings: [],
        notices: [],
        ...(error ? { error } : {})
    };
}


/***/ })

};

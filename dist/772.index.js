export const id = 772;
export const ids = [772,839];
export const modules = {

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

/***/ 3839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   workspaceFiles: () => (/* binding */ workspaceFiles),
/* harmony export */   workspaceTarget: () => (/* binding */ workspaceTarget)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_documents_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7521);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_narrow_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(256);
/**
 * The workspace's files, as the request reads them: only inside the workspace (symlinks resolved),
 * only regular files, never too large; globs expanded in a stable order.
 */





const GLOB_CHARS = /[*?[\]{}!]/;
/**
 * Decoding with replacement would turn a stray byte into U+FFFD and send that: a file that is not
 * UTF-8 is refused instead, naming the line of the first bad byte.
 */
function decodeUtf8(bytes, path, input) {
    const decodes = (end) => {
        try {
            // In stream mode a sequence cut at the end is not an error: only a bad byte is.
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
            return true;
        }
        catch {
            return false;
        }
    };
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        // The longest prefix that decodes ends at the first bad byte.
        let [low, high] = [0, bytes.length];
        while (low < high) {
            const middle = Math.ceil((low + high) / 2);
            if (decodes(middle))
                low = middle;
            else
                high = middle - 1;
        }
        // That prefix may end inside a character the decoder was still waiting to complete (E2 82,
        // then x): the fault is that character's first byte, not the one that cut it short.
        const bad = unfinishedCharacter(bytes, low) ?? low;
        const line = bytes.subarray(0, bad).toString('utf8').split('\n').length;
        const where = low === bytes.length
            ? `the file ends inside a character (begun at byte ${bad + 1}, line ${line})`
            : `byte ${bad + 1} (line ${line}) is not part of a UTF-8 character`;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `is not valid UTF-8: ${where}. Save the file as UTF-8.`, {
            file: path,
            line
        });
    }
}
/** Where the character that `end` cuts off begins, if `end` falls inside one. */
function unfinishedCharacter(bytes, end) {
    // A character is at most 4 bytes: its lead byte is at most 3 back.
    for (let start = end - 1; start >= Math.max(0, end - 3); start--) {
        const byte = bytes.readUInt8(start);
        if ((byte & 0xc0) === 0x80)
            continue;
        const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        return start + length > end ? start : undefined;
    }
    return undefined;
}
function workspaceFiles(workspace) {
    const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace);
    const locate = (path, input) => {
        const fail = (message) => new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, message, { file: path });
        if (path.includes('\0'))
            throw fail('is not a valid path.');
        let real;
        try {
            real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, path));
        }
        catch {
            throw fail(`no such file in the workspace (${root}). Check the path (it is relative to the repository root), and that the job checks the repository out (actions/checkout) before this step.`);
        }
        if (real !== root && !real.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_1__.sep)) {
            throw fail(`is outside the workspace (${root}); only files of the repository are read.`);
        }
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real);
        if (stats.isDirectory()) {
            throw fail('is a directory: give a file, or a glob such as `configurations/*.yaml`.');
        }
        if (!stats.isFile())
            throw fail('is not a regular file.');
        if (stats.size > _core_documents_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_DOCUMENT_BYTES */ .bi)
            throw fail(`is larger than ${_core_documents_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_DOCUMENT_BYTES */ .bi} bytes.`);
        return real;
    };
    return {
        read(path, input) {
            return decodeUtf8((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(locate(path, input)), path, input);
        },
        async expand(patterns, input) {
            const files = [];
            for (const pattern of patterns) {
                if (!GLOB_CHARS.test(pattern)) {
                    locate(pattern, input);
                    files.push((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, pattern)));
                    continue;
                }
                if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(pattern) || pattern.split(/[\\/]/).includes('..')) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `the glob ${pattern} reaches outside the workspace; globs are relative to the repository root.`);
                }
                const { glob } = await __webpack_require__.e(/* import() */ 448).then(__webpack_require__.bind(__webpack_require__, 6448));
                const matches = (await glob(pattern, { cwd: root, onlyFiles: true, expandDirectories: false })).sort();
                if (matches.length === 0) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `the glob ${pattern} matches no file in the workspace (${root}).`);
                }
                for (const match of matches) {
                    locate(match, input);
                    files.push((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, match)));
                }
            }
            return [...new Set(files)];
        }
    };
}
function workspaceTarget(workspace, input) {
    const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace);
    const target = (path) => {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, path);
        if (full !== root && !full.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_1__.sep)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${path} is outside the workspace (${root}).`);
        }
        return full;
    };
    // A directory, links resolved, must be in the workspace: checked before it is made (a link in
    // the repository must not carry even an empty directory elsewhere) and after.
    const makeDirectory = (path, full) => {
        const inside = (directory) => {
            let real;
            try {
                real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(directory);
            }
            catch (error) {
                // existingAncestor stops at any link lstat finds, one that leads nowhere too; nothing can
                // be written through that, and the error is the user's to fix, not a bug.
                const code = codeOf(error);
                if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ELOOP')
                    throw error;
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${path} would be written through a link that points to nothing (${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, directory)}).`);
            }
            if (real !== root && !real.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_1__.sep)) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${path} would be written outside the workspace, through a link.`);
            }
        };
        inside(existingAncestor(full));
        notUnderFile(path, full);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(full, { recursive: true });
        inside(full);
    };
    // A file named like the directory, or like one of its parents: nothing can be made under it.
    const notUnderFile = (path, full) => {
        for (let at = full; at !== root && at.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_1__.sep); at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(at)) {
            const stats = lstatOrUndefined(at);
            if (stats === undefined || stats.isDirectory() || stats.isSymbolicLink())
                continue;
            const shown = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, at);
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, at === full
                ? `${path} is a file, not a directory: give a directory (the export writes one file per integration into it), such as launchdarkly.`
                : `${path} is under ${shown}, which is a file, not a directory: give a directory that is not inside a file.`);
        }
    };
    return {
        list(directory) {
            const full = target(directory);
            notUnderFile(directory, full);
            const stats = lstatOrUndefined(full);
            if (stats === undefined)
                return [];
            // Through a link, the directory is judged (and refused) by prepare, before any request.
            if (stats.isSymbolicLink())
                return [];
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(full).sort();
        },
        remove(path) {
            const full = target(path);
            if (lstatOrUndefined(full)?.isFile())
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(full);
        },
        exists(path) {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(target(path));
                return true;
            }
            catch {
                return false;
            }
        },
        prepare(directory) {
            makeDirectory(directory, target(directory));
        },
        write(path, text, overwrite) {
            const full = target(path);
            makeDirectory(path, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(full));
            const stats = lstatOrUndefined(full);
            if (stats?.isSymbolicLink()) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${path} is a symbolic link; the export does not write through links.`);
            }
            // 'wx' fails if the file appeared meanwhile: never replaced without `overwrite`.
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(full, text, { flag: overwrite ? 'w' : 'wx' });
            }
            catch (error) {
                const code = codeOf(error);
                const why = code === 'EEXIST'
                    ? 'it appeared during the export; set `export-overwrite: true` to replace it'
                    : code === 'EISDIR'
                        ? 'a directory of that name is in the way'
                        : `the system said ${code ?? String(error)}`;
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `could not write ${path}: ${why}.`);
            }
        }
    };
}
/** The nearest directory on the way up from `path` that exists (the workspace itself at worst). */
function existingAncestor(path) {
    let current = path;
    while (lstatOrUndefined(current) === undefined && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(current) !== current) {
        current = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(current);
    }
    return current;
}
function lstatOrUndefined(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path);
    }
    catch {
        return undefined;
    }
}
/** The code of a system error (ENOENT, EEXIST...), if it has one. */
function codeOf(error) {
    const code = (0,_core_narrow_js__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u)(error) ? error.code : undefined;
    return typeof code === 'string' ? code : undefined;
}


/***/ }),

/***/ 6772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runExport: () => (/* binding */ runExport)
});

// UNUSED EXPORTS: exportWork

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/documents.ts
var documents = __webpack_require__(7521);
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

// EXTERNAL MODULE: ./src/core/desired-state.ts + 1 modules
var desired_state = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/core/plan.ts
var core_plan = __webpack_require__(4620);
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

// EXTERNAL MODULE: ./src/core/outcome.ts
var outcome = __webpack_require__(9411);
// EXTERNAL MODULE: ./src/core/redact.ts
var redact = __webpack_require__(2258);
// EXTERNAL MODULE: ./src/io/files.ts
var files = __webpack_require__(3839);
// EXTERNAL MODULE: ./src/stages/read.ts
var read = __webpack_require__(231);
// EXTERNAL MODULE: ./src/stages/report.ts + 2 modules
var report = __webpack_require__(9653);
;// CONCATENATED MODULE: ./src/stages/export.ts
/**
 * The export: one list per integration key, a read by ID for each list item that does not carry
 * every setting, then the desired-state files, proven to read back before any is written. No file
 * is replaced without `export-overwrite`; that, and that the directory is in the workspace, are
 * checked before any request.
 */








/** An export run, from the inputs to its report (an export comments on no pull request). */
async function runExport(work, run) {
    const { client, settings, context, scrubber } = run;
    const { outcomes, exported } = await exportWork(work, {
        client,
        files: (0,files.workspaceTarget)(context.workspace, 'export-to'),
        log: run.log,
        schema: (0,report/* schemaReference */.Lw)(context, work.directory)
    });
    run.log.debug(`LaunchDarkly requests: ${JSON.stringify(client.stats)}`);
    const redacted = outcomes.map(outcome => (0,redact/* redactOutcome */.A)(outcome, scrubber));
    const facts = { ...(0,report/* reportFacts */.gi)(settings, context, false), directory: work.directory };
    return {
        kind: 'export',
        context,
        settings,
        outcomes: redacted,
        failure: (0,outcome/* runFailure */.A9)(redacted, facts),
        directory: work.directory,
        // Names come from LaunchDarkly: scrubbed like every other string a report shows.
        exported: scrubber.scrubDeep(reportOfExport(exported))
    };
}
async function exportWork(work, context) {
    // The files an export of these keys may write: `<key>.yaml`, and its parts.
    const ours = (name) => work.integrationKeys.some(key => isExportFileOf(name, key));
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
    const exported = await exportConfigurations(new Map(listed), {
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
        const key = work.integrationKeys.find(k => isExportFileOf(name, k));
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

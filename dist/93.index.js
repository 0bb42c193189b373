export const id = 93;
export const ids = [93];
export const modules = {

/***/ 1093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exportConfigurations: () => (/* binding */ exportConfigurations),
/* harmony export */   reportOfExport: () => (/* binding */ reportOfExport)
/* harmony export */ });
/* harmony import */ var _generated_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1480);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8198);
/**
 * Export: the configurations LaunchDarkly holds, as desired-state files a team can commit, one per
 * integration. Stable (sorted by name, then ID; keys in the schema's order), so that exporting
 * again gives the same bytes; and safe: a secret is never written, only a `${VAR}` placeholder whose
 * name is derived from the integration, the configuration and the key, for a repository secret.
 * Planning the files right after, with those secrets set, finds nothing to change.
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
const FIELD_ORDER = ['id', 'integrationKey', ..._generated_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .WRITABLE_FIELDS */ .r];
async function exportConfigurations(byKey, options) {
    const { stringify } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const integrations = [...byKey]
        .sort(([a], [b]) => compare(a, b))
        .filter(([, found]) => found.length > 0)
        .map(([integrationKey, found]) => ({
        integrationKey,
        configurations: [...found].sort((a, b) => compare(a.name, b.name) || compare(a._id, b._id))
    }));
    const documentOf = (integrationKey, live, placeholder) => {
        const document = {};
        const source = { ...live, integrationKey, id: live._id };
        for (const field of FIELD_ORDER) {
            const value = source[field];
            if (value === undefined)
                continue;
            document[field] = toFileValue([field], value, {
                secret: tokens => (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .isSecretPath */ ._p)(tokens, { integrationKey, live }),
                placeholder
            });
        }
        return document;
    };
    // A name must not depend on the order secrets are met in, so every secret of the export is
    // known before any is named.
    const sites = [];
    for (const { integrationKey, configurations } of integrations) {
        for (const live of configurations) {
            documentOf(integrationKey, live, tokens => {
                sites.push({ integrationKey, live, tokens: [...tokens] });
                return '';
            });
        }
    }
    const names = variableNames(sites);
    const variables = [];
    const files = [];
    for (const { integrationKey, configurations } of integrations) {
        const documents = configurations.map(live => documentOf(integrationKey, live, tokens => {
            const name = names.get(live)?.get(siteKey(tokens));
            if (name === undefined)
                throw new Error(`No variable named for /${tokens.join('/')}`);
            variables.push({
                name,
                integrationKey,
                configuration: live.name,
                path: `/${tokens.join('/')}`
            });
            return `\${${name}}`;
        }));
        const path = `${options.directory.replace(/\/+$/, '')}/${integrationKey}.yaml`;
        const header = [
            `# yaml-language-server: $schema=${options.schema}`,
            `# ${integrationKey}: exported from LaunchDarkly by the integration configuration action.`,
            "# Secrets are not here: each ${VAR} is read from the step's environment (a repository secret)."
        ].join('\n');
        const text = `${header}\n${stringify({ configurations: documents }, { lineWidth: 0 })}`;
        files.push({ path, integrationKey, text, configurations });
    }
    return { files, variables };
}
/** A value as a file holds it: secrets as placeholders, `${` written `$${` so it stays literal. */
function toFileValue(tokens, value, rules) {
    if (rules.secret(tokens) &&
        (typeof value === 'string' || value === null || typeof value !== 'object')) {
        return rules.placeholder(tokens);
    }
    if (typeof value === 'string')
        return value.replace(/\$\{/g, () => '$${');
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
/** Tokens as a map key: joined with `/` alone, `["a/b"]` and `["a", "b"]` would meet. */
const siteKey = (tokens) => JSON.stringify(tokens);
const namePart = (value) => value
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
/**
 * LAUNCHDARKLY_<INTEGRATION>_<CONFIGURATION>_<KEY>: a valid name for an environment variable and
 * a repository secret (letters, digits and _, not starting with a digit or GITHUB_). Not LD_…:
 * the dynamic linker reads variables of that prefix.
 *
 * The same on every export, so that a repository secret set once keeps feeding the same value. So
 * where names read the same (two configurations whose names do, or keys such as `a-b` and `a.b`),
 * none keeps the bare name: given to whichever sorted first, it would move, with the secret behind
 * it, to a configuration added later, and the value set for one configuration would silently feed
 * another. Instead every one of them gets its configuration's ID's last 6 characters appended (a
 * name that changes shows in the pull request; one that changes hands does not). Keys of one
 * configuration that still read the same get `_2`, `_3`… in the order of their paths.
 *
 * Returns the names by configuration, then by `siteKey` of the secret's tokens.
 */
function variableNames(sites) {
    const bases = new Map();
    for (const site of sites) {
        const field = site.tokens.slice(1).map(namePart).join('_');
        const base = [
            'LAUNCHDARKLY',
            namePart(site.integrationKey),
            namePart(site.live.name) || 'CONFIGURATION',
            field
        ]
            .filter(Boolean)
            .join('_');
        bases.set(base, [...(bases.get(base) ?? []), site]);
    }
    const names = new Map();
    const give = (site, name) => {
        const byTokens = names.get(site.live) ?? new Map();
        byTokens.set(siteKey(site.tokens), name);
        names.set(site.live, byTokens);
    };
    // Bare names first: a suffixed name that happens to equal one must be the one to give way.
    const taken = new Set();
    for (const [base, [site, ...others]] of bases) {
        if (site === undefined || others.length > 0)
            continue;
        taken.add(base);
        give(site, base);
    }
    const colliding = [...bases].filter(([, group]) => group.length > 1);
    for (const [base, group] of colliding.sort(([a], [b]) => compare(a, b))) {
        const ordered = [...group].sort((a, b) => compare(a.integrationKey, b.integrationKey) ||
            compare(a.live.name, b.live.name) ||
            compare(a.live._id, b.live._id) ||
            compareTokens(a.tokens, b.tokens));
        for (const site of ordered) {
            const suffixed = `${base}_${namePart(site.live._id.slice(-6))}`;
            let name = suffixed;
            for (let n = 2; taken.has(name); n++)
                name = `${suffixed}_${n}`;
            taken.add(name);
            give(site, name);
        }
    }
    return names;
}
function compareTokens(a, b) {
    for (const [i, token] of a.entries()) {
        const other = b[i];
        if (other === undefined)
            break;
        const order = compare(token, other);
        if (order !== 0)
            return order;
    }
    return a.length - b.length;
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ })

};

export const id = 839;
export const ids = [839];
export const modules = {

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


/***/ })

};

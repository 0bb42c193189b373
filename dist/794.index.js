export const id = 794;
export const ids = [794];
export const modules = {

/***/ 7794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   excerptOf: () => (/* binding */ excerptOf)
/* harmony export */ });
/* harmony import */ var _visible_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7713);
/**
 * The lines of a file around an input error, numbered, the offending line marked: what an error
 * shows so that the author sees the line without opening the file.
 */

/** Lines shown on each side of the marked one. */
const AROUND = 2;
/** A longer line is cut: the excerpt is for finding the place, the file has the rest. */
const LINE_WIDTH = 120;
function excerptOf(text, line) {
    const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
    // A file's last line break ends a line; it does not start an empty one.
    if (lines.length > 1 && lines.at(-1) === '')
        lines.pop();
    if (line < 1 || line > lines.length)
        return undefined;
    const first = Math.max(1, line - AROUND);
    const last = Math.min(lines.length, line + AROUND);
    const width = String(last).length;
    const out = [];
    for (let number = first; number <= last; number++) {
        const content = (0,_visible_js__WEBPACK_IMPORTED_MODULE_0__/* .visible */ .RK)(lines[number - 1] ?? '');
        const shown = [...content].length > LINE_WIDTH
            ? `${[...content].slice(0, LINE_WIDTH - 1).join('')}…`
            : content;
        out.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)} | ${shown}`.trimEnd());
    }
    return out.join('\n');
}


/***/ })

};

export const id = 356;
export const ids = [356];
export const modules = {

/***/ 7356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderExportSummary: () => (/* binding */ renderExportSummary)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7715);
/* harmony import */ var _parts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4914);


function renderExportSummary(exported, outcomes, facts) {
    const count = exported.files.reduce((sum, file) => sum + file.count, 0);
    const parts = [
        `### LaunchDarkly integration configurations · ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(`Exported ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(count, 'configuration')} of ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(exported.files.length, 'integration')} to ${facts.directory} · ${facts.instance}`, 400)}`,
        ...(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .failureCallouts */ .Wk)(outcomes, facts),
        exported.files.length > 0
            ? exported.files
                .map(file => `- 📄 ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)(file.path)}: ${(0,_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(file.count, 'configuration')} of ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(file.integrationKey)}`)
                .join('\n')
            : outcomes.some(o => o.status === 'failed')
                ? '_No file was written._'
                : '_No integration has configurations: no file was written._',
        ...(exported.variables.length > 0 ? secretsSection(exported) : [])
    ];
    return `${parts.join('\n\n')}\n`;
}
function secretsSection(exported) {
    const env = exported.variables
        .map(variable => `  ${variable.name}: \${{ secrets.${variable.name} }}`)
        .join('\n');
    return [
        '#### Secrets to create',
        'The files hold no secret: each one is a `${VAR}` read from the environment of the step that plans or applies them. Create these repository secrets (Settings → Secrets and variables → Actions), each with the value LaunchDarkly holds:',
        exported.variables
            .map(variable => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)(variable.name)}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(variable.configuration)} (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(variable.integrationKey)}), ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)(variable.path)}`)
            .join('\n'),
        'Then give them to that step:',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .fenced */ .OF)(`env:\n${env}`, 'yaml')
    ];
}


/***/ })

};

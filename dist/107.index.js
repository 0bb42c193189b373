export const id = 107;
export const ids = [107];
export const modules = {

/***/ 6107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishEarlyFailure: () => (/* binding */ publishEarlyFailure),
/* harmony export */   reportOfFailure: () => (/* binding */ reportOfFailure)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(314);
/* harmony import */ var _core_render_summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7768);
/* harmony import */ var _io_run_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3535);
/**
 * A run that could not start (bad input, or a bug of the action's), as a report and as what people
 * read of it: one error, the outputs that say why, the summary, and the pull request comment,
 * which keeps what it approved and its record. Loaded only when a run fails this way.
 */




/** A run that failed before any configuration was looked at (bad input, or a bug), as a report. */
function reportOfFailure(error, raw, context) {
    const failure = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFailure */ .Ic)(error);
    const location = error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz ? error.location : undefined;
    let github;
    try {
        github =
            raw['comment-on-pr'].trim().toLowerCase() === 'true' ? (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseGitHubSettings */ .OB)(raw) : undefined;
    }
    catch {
        github = undefined;
    }
    return {
        kind: 'failed-early',
        context,
        failure,
        ...(location ? { location } : {}),
        ...(error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz && error.excerpt ? { excerpt: error.excerpt } : {}),
        // A bug of the action's is said in the log only: only a failure it understood is commented.
        ...(github && error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ ? { github } : {})
    };
}
/** A run that failed before any configuration was looked at: one error, and the outputs say why. */
async function publishEarlyFailure(report, runner, session) {
    const { failure, location, context } = report;
    runner.setOutputs({
        changed: 'false',
        'failure-reason': failure.reason,
        results: '[]',
        undo: '{}',
        'undo-patch': ''
    });
    // The workflow's to fix (a variable it does not set): the author's line is not marked wrong.
    runner.error(failure.message, location && !location.workflow
        ? { ...location, title: 'LaunchDarkly: invalid input' }
        : { title: 'LaunchDarkly: invalid input' });
    const message = runner.scrub(failure.message);
    // The lines around the error: scrubbed like the message (a file may hold a value it should not).
    const excerpt = report.excerpt ? runner.scrub(report.excerpt) : undefined;
    if (excerpt)
        runner.info(excerpt);
    const headSha = context.pullRequest?.headSha ?? context.sha;
    const head = headSha
        ? { sha: headSha, url: (0,_io_run_context_js__WEBPACK_IMPORTED_MODULE_3__/* .commitLinks */ .NW)(context, headSha).commitUrl(headSha) }
        : undefined;
    await runner.writeSummary((0,_core_render_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .renderFailureSummary */ .Fr)(message, location?.file ? { file: location.file, line: location.line, excerpt, head } : undefined));
    // A reviewer should see on the pull request why the plan could not be made, not only in the log.
    if (report.github && session && 'pull' in session) {
        const { writeFailureComment } = await __webpack_require__.e(/* import() */ 810).then(__webpack_require__.bind(__webpack_require__, 6810));
        await writeFailureComment(session, runner, {
            message,
            key: report.github.key,
            context,
            location,
            excerpt
        });
    }
}


/***/ })

};

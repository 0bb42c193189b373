/** The entry point the runner starts: dist/index.js. */
import { reportUnexpected, run } from './main.js'

process.on('unhandledRejection', reportUnexpected)
process.on('uncaughtException', reportUnexpected)

run().catch(reportUnexpected)

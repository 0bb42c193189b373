// The benchmark bundles this alone, to measure what @actions/core by itself costs at start-up.
import * as core from '@actions/core'

core.info(core.getInput('access-token') ? 'token given' : 'no token')

// Loaded with `node --import`: records every module file the process loads (the action's bundle
// and its chunks) into the file named by BENCH_TRACE, so the benchmark can sum their bytes.
import { register } from 'node:module'

register(new URL('./trace-loads-hooks.mjs', import.meta.url), {
  data: { trace: process.env.BENCH_TRACE }
})

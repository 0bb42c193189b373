// Module hooks for trace-loads.mjs: they run on the loader thread and append each loaded URL.
import { appendFileSync } from 'node:fs'

let trace
export function initialize(data) {
  trace = data?.trace
}

export async function load(url, context, nextLoad) {
  if (trace && url.startsWith('file:')) appendFileSync(trace, `${url}\n`)
  return nextLoad(url, context)
}

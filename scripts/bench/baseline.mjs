// The floor the action is measured against: a bare Node script that makes the same two requests
// (read the configuration, patch it) with fetch and nothing else.
const { BENCH_URL: base, BENCH_TOKEN: token, BENCH_ID: id, BENCH_ENABLED: enabled } = process.env
const headers = {
  Authorization: token,
  'LD-API-Version': 'beta',
  'Content-Type': 'application/json'
}
const url = `${base}/api/v2/integration-configurations/${id}`
const current = await (await fetch(url, { headers })).json()
const patch = [
  { op: 'test', path: '/enabled', value: current.enabled },
  { op: 'replace', path: '/enabled', value: enabled === 'true' }
]
const response = await fetch(url, { method: 'PATCH', headers, body: JSON.stringify(patch) })
if (!response.ok) process.exit(1)
await response.json()

/**
 * The plumbing both emulators share: a node:http server on 127.0.0.1 with a random port, a tiny
 * router, a log of every request, added latency, and faults that tests inject into the next requests.
 * Handlers return a response as data, so a fault can run the handler (apply the change) and still
 * drop the connection instead of answering.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface EmulatorRequest {
  method: string
  /** The path without the query string. */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** Raw header pairs, to tell a header sent twice from one sent once. */
  rawHeaders: string[]
  params: Record<string, string>
  /** The body parsed as JSON, or the raw text when it is not JSON; undefined when empty. */
  body: unknown
  rawBody: string
}

export interface EmulatorResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Sent as is instead of JSON.stringify(body). */
  rawBody?: string
}

export interface RecordedRequest {
  method: string
  path: string
  /** The route pattern that matched, e.g. "PATCH /api/v2/integration-configurations/{id}". */
  route: string
  headers: IncomingHttpHeaders
  body: unknown
  /** The status sent, or "destroyed" when the connection was dropped instead. */
  status: number | 'destroyed'
  at: number
  /** When the answer was sent (or the connection dropped); 0 while pending. */
  finishedAt: number
}

export type Fault =
  /** Answer with this status (and body and headers) instead of handling the request. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Answer with a raw, possibly non-JSON, body instead of handling the request. */
  | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> }
  /** Wait this long, then handle the request normally. */
  | { kind: 'delay'; ms: number }
  /** Drop the connection without handling the request: nothing is applied. */
  | { kind: 'destroy-before' }
  /** Handle the request (apply any change), then drop the connection without answering. */
  | { kind: 'destroy-after' }
  /** Run this first (say, an edit by someone else), then handle the request normally. */
  | { kind: 'before'; run: () => void }
  /** Handle the request, then replace the body of a successful answer with this one. */
  | { kind: 'replace-body'; body: unknown }
  /** Accept the request and never answer (until the emulator closes): a hung server. */
  | { kind: 'hang' }

export interface FaultMatch {
  method?: string
  /** A route pattern as registered, e.g. "/api/v2/integration-configurations/{id}". */
  route?: string
}

type Handler = (request: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>

interface Route {
  method: string
  pattern: string
  regex: RegExp
  names: string[]
  handler: Handler
}

interface PendingFaults {
  match: FaultMatch
  faults: Fault[]
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

export class EmulatorServer {
  readonly requests: RecordedRequest[] = []
  /** Added before every answer, to model a distant server. */
  latencyMs = 0
  /** The emulator's time: a test's fake clock can replace it, so that windows move with it. */
  now: () => number = () => Date.now()
  /** Headers every answer carries, faults and unrouted paths included; the answer's own win. */
  commonHeaders: ((request: RecordedRequest) => Record<string, string>) | undefined
  private readonly routes: Route[] = []
  private readonly pending: PendingFaults[] = []
  private server: Server | undefined
  private port = 0

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  route(method: string, pattern: string, handler: Handler): void {
    const names: string[] = []
    const source = pattern
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\{(\w+)\}/g, (_m, name) => {
        names.push(name as string)
        return '([^/]+)'
      })
    this.routes.push({ method, pattern, regex: new RegExp(`^${source}$`), names, handler })
  }

  /** The next requests matching `match` meet these faults, one fault per request, in order. */
  injectFaults(match: FaultMatch, ...faults: Fault[]): void {
    this.pending.push({ match, faults: [...faults] })
  }

  /** Faults injected but not yet met. */
  pendingFaults(): number {
    return this.pending.reduce((sum, entry) => sum + entry.faults.length, 0)
  }

  requestsTo(method: string, pattern?: string): RecordedRequest[] {
    return this.requests.filter(
      r => r.method === method && (pattern === undefined || r.route === `${method} ${pattern}`)
    )
  }

  async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        void this.dispatch(
          req.method ?? 'GET',
          req.url ?? '/',
          req.headers,
          req.rawHeaders,
          Buffer.concat(chunks).toString('utf8'),
          res
        )
      })
    })
    await new Promise<void>(resolve => this.server?.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as AddressInfo).port
  }

  async close(): Promise<void> {
    const server = this.server
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>(resolve => server.close(() => resolve()))
    this.server = undefined
  }

  private takeFault(method: string, pattern: string): Fault | undefined {
    const entry = this.pending.find(
      p =>
        (p.match.method === undefined || p.match.method === method) &&
        (p.match.route === undefined || p.match.route === pattern)
    )
    if (!entry) return undefined
    const fault = entry.faults.shift()
    if (entry.faults.length === 0) this.pending.splice(this.pending.indexOf(entry), 1)
    return fault
  }

  private async dispatch(
    method: string,
    rawUrl: string,
    headers: IncomingHttpHeaders,
    rawHeaders: string[],
    rawBody: string,
    res: ServerResponse
  ): Promise<void> {
    const url = new URL(rawUrl, 'http://127.0.0.1')
    let body: unknown
    if (rawBody !== '') {
      try {
        body = JSON.parse(rawBody)
      } catch {
        body = rawBody
      }
    }
    const found = this.findRoute(method, url.pathname)
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      route: found ? `${method} ${found.route.pattern}` : `${method} (no route)`,
      headers,
      body,
      status: 0,
      at: this.now(),
      finishedAt: 0
    }
    this.requests.push(record)
    if (!found) {
      return this.send(res, record, { status: 404, body: { message: 'Not Found' } })
    }
    const fault = this.takeFault(method, found.route.pattern)
    if (fault?.kind === 'destroy-before') return this.destroy(res, record)
    // Nothing is sent: the connection stays open until the client gives up or the server closes.
    if (fault?.kind === 'hang') return
    if (fault?.kind === 'status') {
      return this.send(res, record, {
        status: fault.status,
        body: fault.body ?? { message: `injected ${fault.status}` },
        headers: fault.headers
      })
    }
    if (fault?.kind === 'raw') {
      return this.send(res, record, {
        status: fault.status,
        rawBody: fault.body,
        headers: fault.headers
      })
    }
    if (fault?.kind === 'delay') await sleep(fault.ms)
    if (fault?.kind === 'before') fault.run()
    const request: EmulatorRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      rawHeaders,
      params: found.params,
      body,
      rawBody
    }
    let response: EmulatorResponse
    try {
      response = await found.route.handler(request)
    } catch (error) {
      // An emulator bug (say, an answer that fails the spec) must be loud, not a silent 200.
      const message = error instanceof Error ? error.message : String(error)
      response = { status: 500, body: { code: 'emulator_error', message } }
    }
    if (fault?.kind === 'destroy-after') return this.destroy(res, record)
    if (fault?.kind === 'replace-body' && response.status < 300) {
      response = { ...response, body: fault.body }
    }
    return this.send(res, record, response)
  }

  private findRoute(
    method: string,
    path: string
  ): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue
      const match = route.regex.exec(path)
      if (!match) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1] ?? '')))
      return { route, params }
    }
    return undefined
  }

  private async send(
    res: ServerResponse,
    record: RecordedRequest,
    response: EmulatorResponse
  ): Promise<void> {
    if (this.latencyMs > 0) await sleep(this.latencyMs)
    record.status = response.status
    const text =
      response.rawBody ?? (response.body === undefined ? '' : JSON.stringify(response.body))
    const headers: Record<string, string> = {
      ...this.commonHeaders?.(record),
      ...response.headers
    }
    if (text !== '' && response.rawBody === undefined) headers['Content-Type'] = 'application/json'
    res.writeHead(response.status, headers)
    res.end(text)
    record.finishedAt = this.now()
  }

  private destroy(res: ServerResponse, record: RecordedRequest): void {
    record.status = 'destroyed'
    res.socket?.destroy()
    record.finishedAt = this.now()
  }
}

/** What every emulator is: a server, its address, and a way to stop it. */
export abstract class Emulator {
  readonly server = new EmulatorServer()

  get url(): string {
    return this.server.url
  }

  close(): Promise<void> {
    return this.server.close()
  }
}

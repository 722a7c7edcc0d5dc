// The benchmark's side of the esimfly sandbox: its control endpoints (sandbox/README.md).

/** Control calls to the sandbox at `root` (http://localhost:<port>). */
export function sandboxControl(root) {
  const call = async (method, path, body) => {
    const res = await fetch(`${root}/__sandbox${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) {
      throw new Error(`sandbox ${method} ${path} answered ${res.status}: ${await res.text()}`)
    }
    return res.json()
  }
  return {
    ledger: () => call("GET", "/ledger"),
    setLatency: (latencyMs) => call("POST", "/faults", { latencyMs }),
    /** null restores the limit the sandbox started with. */
    setRateLimit: (rateLimit) => call("POST", "/faults", { rateLimit }),
  }
}

/** The API requests of a ledger that arrived after `sinceSeq` (its `seq` count up from 1). */
export function requestsSince(ledger, sinceSeq) {
  return ledger.requests.filter((request) => request.seq > sinceSeq)
}

/** "POST /esims/order 200: 40, GET /balance 200: 2", most frequent first. */
export function describeRequests(requests) {
  const counts = new Map()
  for (const { method, path, status } of requests) {
    const key = `${method} ${path.split("?")[0].replace(/^\/api\/v1\/business/, "")} ${status}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${key}: ${count}`)
    .join(", ")
}

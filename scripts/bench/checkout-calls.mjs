// esimfly calls during checkout (goal 0): the sandbox ledger's requests that ended inside a
// shopper's checkout, from its first store API call to the answer of the cart's completion
// (order.placed). With shoppers in parallel, other orders' purchases run meanwhile: their
// create-orders and order lookups are left out (a checkout makes neither).
import { describeRequests } from "./sandbox.mjs"

const API = /^\/api\/v1\/business/

/** A purchase's own call: a create-order (POST) or an order lookup (GET) of /esims/order. */
const isPurchaseCall = (request) => request.path.split("?")[0].replace(API, "") === "/esims/order"

/** Merged, sorted [from, to] windows, so a request inside two overlapping checkouts counts once. */
function merge(windows) {
  const sorted = [...windows].sort((a, b) => a.from - b.from)
  const merged = []
  for (const window of sorted) {
    const last = merged.at(-1)
    if (last && window.from <= last.to) {
      last.to = Math.max(last.to, window.to)
    } else {
      merged.push({ ...window })
    }
  }
  return merged
}

/** { calls, checkouts, excluded, breakdown } for the given checkout windows ({ from, to } in ms). */
export function callsDuringCheckouts(ledger, windows) {
  const merged = merge(windows)
  const inside = (at) => merged.some((window) => at >= window.from && at <= window.to)
  const during = ledger.requests.filter((request) => inside(Date.parse(request.at)))
  const counted = during.filter((request) => !isPurchaseCall(request))
  return {
    calls: counted.length,
    checkouts: windows.length,
    excluded: during.length - counted.length,
    breakdown: describeRequests(counted) || "none",
  }
}

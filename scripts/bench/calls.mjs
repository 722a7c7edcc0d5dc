// esimfly calls per delivered eSIM, from the sandbox ledger: every API request of a phase
// (checkout guard reads included) over the eSIMs of the orders esimfly completed in it.
import { describeRequests, requestsSince } from "./sandbox.mjs"

/** `mark` is { seq, orders } taken from the ledger before the phase. */
export function callsPerDeliveredEsim(ledger, mark) {
  const requests = requestsSince(ledger, mark.seq)
  const esims = ledger.orders
    .slice(mark.orders)
    .reduce((sum, order) => sum + (order.status === "completed" ? order.esims.length : 0), 0)
  return {
    calls: requests.length,
    esims,
    perEsim: esims ? requests.length / esims : null,
    breakdown: describeRequests(requests),
  }
}

/** Where a later phase starts counting. */
export function ledgerMark(ledger) {
  return { seq: ledger.requests.reduce((max, request) => Math.max(max, request.seq), 0), orders: ledger.orders.length }
}

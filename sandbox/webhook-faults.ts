import { WEBHOOK_EVENTS, WebhookEvent, WebhookFaultKind } from "./after-sale-types"
import { isCount } from "./options"

const KINDS: readonly WebhookFaultKind[] = ["duplicate", "outOfOrder", "drop", "badSignature"]

/** What the next `count` (default 1) webhook deliveries, optionally of one event, suffer. */
export interface WebhookFault {
  kind: WebhookFaultKind
  count?: number
  event?: WebhookEvent
}

export interface WebhookFaultRule {
  kind: WebhookFaultKind
  remaining: number
  event: WebhookEvent | null
}

/** Queued webhook faults; the first rule matching an emitted event is used. */
export class WebhookFaultQueue {
  private rules: WebhookFaultRule[] = []

  add(fault: WebhookFault): void {
    const kind = KINDS.find((candidate) => candidate === fault?.kind)
    if (!kind) throw new Error(`webhookNext.kind must be one of: ${KINDS.join(", ")}`)
    const count = fault.count ?? 1
    if (!isCount(count) || count < 1) throw new Error("webhookNext.count must be an integer ≥ 1")
    const event = fault.event ?? null
    if (event !== null && !WEBHOOK_EVENTS.includes(event)) {
      throw new Error(`webhookNext.event must be one of: ${WEBHOOK_EVENTS.join(", ")}`)
    }
    this.rules.push({ kind, remaining: count, event })
  }

  take(event: WebhookEvent): WebhookFaultKind | null {
    const index = this.rules.findIndex((rule) => rule.event === null || rule.event === event)
    if (index === -1) return null
    const rule = this.rules[index]
    rule.remaining--
    if (rule.remaining === 0) this.rules.splice(index, 1)
    return rule.kind
  }

  clear(): void {
    this.rules = []
  }

  snapshot(): WebhookFaultRule[] {
    return this.rules.map((rule) => ({ ...rule }))
  }
}

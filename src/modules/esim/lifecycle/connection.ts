import { isWebhookUrl, WebhookEventName } from "../../../lib/esimfly"
import type { EsimflyWebhookStateRow } from "../models/esimfly-webhook-state"
import type EsimModuleService from "../service"

/** The one `esimfly_webhook_state` row: one esimfly account per store. */
export const WEBHOOK_ACCOUNT = "default"

/** Where the plugin receives esimfly's webhooks (src/api/hooks/esimfly). */
export const WEBHOOK_PATH = "/hooks/esimfly"

/** The events the plugin acts on (lifecycle.md: "subscribe only to events used"); the chatty esim.profile.updated changes nothing here. */
export const WEBHOOK_EVENTS_USED: WebhookEventName[] = [
  "esim.installed",
  "esim.usage.threshold",
  "esim.status.changed",
  "esim.provisioned",
]

/** Which secret checks signatures: one stored by "Connect webhooks", else the `webhookSecret` option. */
export type WebhookSecretSource = "connected" | "option" | null

/** What the admin sees of the connection and the receiver; never the secret. */
export type WebhookStatus = Pick<
  EsimflyWebhookStateRow,
  "url" | "connected_at" | "last_event_at" | "last_event" | "failed_signatures" | "last_failed_signature_at"
> & {
  connected: boolean
  source: WebhookSecretSource
  events: string[]
  waiting_events: number
  failed_events: number
}

/**
 * The URL esimfly is given: option `webhookUrl`, else the admin's `backendUrl` when it is an
 * absolute https (or loopback http) URL, with /hooks/esimfly appended unless already there.
 * Null when neither is usable.
 */
export function webhookUrlFor(option: string | undefined, backendUrl: string | undefined): string | null {
  const base = option ?? (backendUrl && isWebhookUrl(backendUrl) ? backendUrl : undefined)
  if (!base) {
    return null
  }
  const url = new URL(base)
  url.search = ""
  url.hash = ""
  const path = url.pathname.replace(/\/+$/, "")
  url.pathname = path.endsWith(WEBHOOK_PATH) ? path : `${path}${WEBHOOK_PATH}`
  return url.toString()
}

/** The secret a delivery must be signed with: the stored one takes precedence over the option. */
export async function currentWebhookSecret(
  esim: EsimModuleService,
  option: string | undefined
): Promise<string | null> {
  const [state] = await esim.listEsimflyWebhookStates({ account: WEBHOOK_ACCOUNT }, { select: ["secret"] })
  return state?.secret ?? option ?? null
}

/** Sets the webhook at esimfly (which rotates the secret) and stores the new secret; nothing returns it. */
export async function connectWebhooks(esim: EsimModuleService, url: string, now: Date): Promise<void> {
  const set = await esim.getClient().setWebhook({ url, events: [...WEBHOOK_EVENTS_USED] })
  const change = { kind: "connected" as const, url: set.url, events: set.events, secret: set.secret, at: now }
  try {
    await esim.recordEsimflyWebhookState(change)
  } catch {
    // A database error may quote the statement's values, the secret among them: it must not reach a log or answer.
    throw new Error("esimfly set the webhook but its new secret could not be stored; connect again")
  }
}

/** The connection and receiver counters, and how many events wait or failed; mapped field by field so no secret slips through. */
export async function readWebhookStatus(
  esim: EsimModuleService,
  optionSecret: string | undefined
): Promise<WebhookStatus> {
  const [state] = await esim.listEsimflyWebhookStates({ account: WEBHOOK_ACCOUNT })
  const [[, waiting_events], [, failed_events]] = await Promise.all([
    esim.listAndCountEsimflyWebhookEvents({ status: "waiting" }, { take: 1, select: ["id"] }),
    esim.listAndCountEsimflyWebhookEvents({ status: "failed" }, { take: 1, select: ["id"] }),
  ])
  const source: WebhookSecretSource = state?.secret ? "connected" : optionSecret ? "option" : null
  return {
    connected: source !== null,
    source,
    url: state?.url ?? null,
    events: Array.isArray(state?.events) ? state.events.filter((e): e is string => typeof e === "string") : [],
    connected_at: state?.connected_at ?? null,
    last_event_at: state?.last_event_at ?? null,
    last_event: state?.last_event ?? null,
    failed_signatures: state?.failed_signatures ?? 0,
    last_failed_signature_at: state?.last_failed_signature_at ?? null,
    waiting_events,
    failed_events,
  }
}

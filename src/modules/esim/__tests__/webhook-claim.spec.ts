import { claimWebhookEvent, processWebhookEvent, readWebhookStatus, WEBHOOK_CLAIM_LEASE_MS } from "../lifecycle"
import { runEsimModuleTests } from "./support/module-runner"

jest.setTimeout(60 * 1000)

const ICCID = "8988000000000000017"

runEsimModuleTests(({ service }) => {
  const storeEsimAndEvent = async () => {
    const [esimOrder] = await service.createEsimOrders([
      {
        order_id: "order_1",
        line_item_id: "line_1",
        batch: 0,
        quantity: 1,
        package_code: "TR-1GB-7D",
        idempotency_key: "order_1:line_1:0",
      },
    ])
    await service.createEsimProfiles({
      iccid: ICCID,
      order_id: "order_1",
      line_item_id: "line_1",
      package_code: "TR-1GB-7D",
      esim_order_id: esimOrder.id,
    })
    const now = new Date().toISOString()
    const body = {
      event: "esim.status.changed",
      timestamp: now,
      data: { iccid: ICCID, new_status: "ACTIVE", changed_at: now },
    }
    const [event] = await service.createEsimflyWebhookEvents([
      { webhook_id: "wh-claimed", event: "esim.status.changed", iccid: ICCID, body, received_at: new Date() },
    ])
    return event
  }

  it("applies a webhook event once when two runs (the subscriber and the retry job) process it at the same time", async () => {
    const event = await storeEsimAndEvent()
    let applied = 0
    const counting = new Proxy(service, {
      get: (target, key) => {
        const value = Reflect.get(target, key)
        if (key !== "updateEsimProfiles" || typeof value !== "function") {
          return typeof value === "function" ? value.bind(target) : value
        }
        return (...args: unknown[]) => {
          applied += 1
          return value.apply(target, args)
        }
      },
    })
    const now = new Date()
    await Promise.all([processWebhookEvent(counting, event, now), processWebhookEvent(counting, event, now)])
    expect(applied).toBe(1)
    const [stored] = await service.listEsimflyWebhookEvents({ id: event.id })
    expect(stored).toMatchObject({ status: "processed", attempts: 1 })
    expect((await service.listEsimProfiles({ iccid: ICCID }))[0].lifecycle_status).toBe("active")
  })

  it("leaves an event claimed by a run that died to the retry job once the two-minute lease is over", async () => {
    const event = await storeEsimAndEvent()
    const now = new Date()
    expect(await service.runEsimSql((manager) => claimWebhookEvent(manager, event.id, now))).toBe(1)
    expect(await processWebhookEvent(service, event, new Date(now.getTime() + 60_000))).toBeNull()
    const later = new Date(now.getTime() + WEBHOOK_CLAIM_LEASE_MS)
    expect(await processWebhookEvent(service, event, later)).toEqual({ id: event.id, status: "processed" })
    const [stored] = await service.listEsimflyWebhookEvents({ id: event.id })
    expect(stored).toMatchObject({ status: "processed", attempts: 2, next_attempt_at: null })
  })

  it("counts refused signatures and notes the last stored event on the one state row, keeping both across a connect", async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 12, minute))
    await service.recordEsimflyWebhookState({ kind: "refused", at: at(1) })
    await service.recordEsimflyWebhookState({ kind: "refused", at: at(2) })
    await service.recordEsimflyWebhookState({ kind: "stored", event: "esim.installed", at: at(3) })
    const events = ["esim.installed"]
    await service.recordEsimflyWebhookState({
      kind: "connected",
      url: "https://s.example",
      events,
      secret: "whsec_1",
      at: at(4),
    })
    const rows = await service.listEsimflyWebhookStates({})
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      account: "default",
      failed_signatures: 2,
      last_failed_signature_at: at(2),
      last_event: "esim.installed",
      last_event_at: at(3),
      url: "https://s.example",
      events,
      secret: "whsec_1",
      connected_at: at(4),
    })
    expect(await service.webhookSecret()).toBe("whsec_1")
  })

  it("reports the option's secret as source option until a connect stores one, and never returns a secret", async () => {
    expect(await readWebhookStatus(service, undefined)).toMatchObject({ connected: false, source: null })
    expect(await readWebhookStatus(service, "whsec_option")).toMatchObject({ connected: true, source: "option" })
    const connected = { kind: "connected" as const, url: "https://s.example/hooks/esimfly", secret: "whsec_stored" }
    await service.recordEsimflyWebhookState({ ...connected, events: ["esim.installed"], at: new Date() })
    const status = await readWebhookStatus(service, "whsec_option")
    expect(status).toMatchObject({ connected: true, source: "connected", url: connected.url })
    expect(JSON.stringify(status)).not.toMatch(/whsec_/)
  })
})

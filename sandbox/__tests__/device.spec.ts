import { buyEsim, registerWebhook, WebhookBody } from "./support/after-sale"
import { useSandbox } from "./support/harness"
import { Receiver, startReceiver } from "./support/receiver"

describe("sandbox device controls and the events they cause", () => {
  const current = useSandbox(() => ({ webhookTimeFactor: 0.001, allowHttpWebhooks: true }))
  let receiver: Receiver

  beforeEach(async () => {
    receiver = await startReceiver()
  })
  afterEach(() => receiver.close())

  const bodies = () => receiver.received.map(({ raw }) => JSON.parse(raw) as WebhookBody)

  async function activeEsim(packageCode = "TR-1GB-7D") {
    const { api, sandbox } = current()
    await registerWebhook(api, receiver.url)
    const esim = await buyEsim(api, packageCode)
    sandbox.installEsim(esim.iccid)
    return esim
  }

  it("install sends esim.installed, esim.profile.updated and esim.status.changed NEW→ACTIVE", async () => {
    const { iccid, orderReference, esimId } = await activeEsim()
    await current().sandbox.settleWebhooks()
    const [installed, profile, status] = bodies()
    const base = { iccid, esim_id: esimId, package_code: "TR-1GB-7D", order_reference: orderReference }
    expect(installed).toMatchObject({
      event: "esim.installed",
      data: { ...base, eid: expect.stringMatching(/^\d{32}$/) },
    })
    expect(installed.data).toMatchObject({ imsi: expect.any(String), installed_at: expect.any(String) })
    expect(profile).toMatchObject({
      event: "esim.profile.updated",
      data: { ...base, profile_status: "Enable", profile: "Enabled", previous_profile_status: "BPP installation" },
    })
    expect(status).toMatchObject({
      event: "esim.status.changed",
      data: { ...base, old_status: "NEW", new_status: "ACTIVE", expiry_date: expect.any(String) },
    })
    expect(bodies()).toHaveLength(3)
  })

  it("reports each of the 500/200/100/50 MB thresholds once, then DEPLETED at 0 MB", async () => {
    const { iccid } = await activeEsim()
    const { sandbox } = current()
    // 1 GB = 1024 MB: 424 left, then 174, 74, 64, 0.
    ;[600, 250, 100, 10, 64].forEach((mb) => sandbox.useData(iccid, mb))
    await sandbox.settleWebhooks()
    const thresholds = bodies().filter((body) => body.event === "esim.usage.threshold")
    expect(thresholds.map((body) => body.data.threshold_remaining_mb)).toEqual([500, 200, 100, 50])
    expect(thresholds[0].data).toMatchObject({
      total_gb: 1,
      used_gb: 0.586,
      remaining_gb: 0.414,
      package_id: expect.any(Number),
    })
    const statuses = bodies().filter((body) => body.event === "esim.status.changed")
    expect(statuses.map((body) => body.data.new_status)).toEqual(["ACTIVE", "DEPLETED"])
  })

  it("reports every threshold crossed by one large use, largest first", async () => {
    const { iccid } = await activeEsim()
    current().sandbox.useData(iccid, 1000)
    await current().sandbox.settleWebhooks()
    const thresholds = bodies().filter((body) => body.event === "esim.usage.threshold")
    expect(thresholds.map((body) => body.data.threshold_remaining_mb)).toEqual([500, 200, 100, 50])
  })

  it("deplete uses up the rest and expire sets EXPIRED, each with a status event", async () => {
    const { api, sandbox } = current()
    const first = await activeEsim()
    const second = await buyEsim(api)
    sandbox.depleteEsim(first.iccid)
    expect(sandbox.expireEsim(second.iccid)).toMatchObject({ esim: { status: "EXPIRED" } })
    await sandbox.settleWebhooks()
    const statuses = bodies().filter((body) => body.event === "esim.status.changed")
    expect(statuses.map((body) => [body.data.iccid, body.data.old_status, body.data.new_status])).toEqual([
      [first.iccid, "NEW", "ACTIVE"],
      [first.iccid, "ACTIVE", "DEPLETED"],
      [second.iccid, "NEW", "EXPIRED"],
    ])
  })

  it("sends esim.provisioned when a pending order's eSIMs become ready", async () => {
    const { api, sandbox } = current()
    await registerWebhook(api, receiver.url, ["esim.provisioned"])
    const { orderReference: reference } = await buyEsim(api, "TR-1GB-7D-SLOW")
    expect(receiver.received).toHaveLength(0)
    for (let poll = 0; poll < 3; poll++) await api.get(`/esims/order?orderReference=${reference}`)
    await sandbox.settleWebhooks()
    const [order] = sandbox.ledger().orders
    expect(bodies()).toEqual([
      {
        event: "esim.provisioned",
        timestamp: expect.any(String),
        data: expect.objectContaining({
          iccid: order.esims[0].iccid,
          order_reference: reference,
          lpa_string: order.esims[0].lpaString,
          qr_code_url: expect.stringMatching(/^data:image\/png;base64,/),
          direct_apple_install_url: expect.stringContaining("carddata="),
          direct_android_install_url: expect.stringContaining("carddata="),
          package_name: order.packageName,
        }),
      },
    ])
  })

  it("a cancelled eSIM reports esim.status.changed NEW→CANCELLED", async () => {
    const { api, sandbox } = current()
    await registerWebhook(api, receiver.url, ["esim.status.changed"])
    const { iccid } = await buyEsim(api)
    await api.post("/esims/cancel", { iccid })
    await sandbox.settleWebhooks()
    expect(bodies().map((body) => [body.data.old_status, body.data.new_status])).toEqual([["NEW", "CANCELLED"]])
  })

  it("the control routes drive the device and refuse what a device cannot do", async () => {
    const { api, control } = current()
    const { iccid } = await buyEsim(api)
    const installed = await control<{ esim: { status: string } }>("/device/install", { iccid })
    expect(installed.body.esim.status).toBe("ACTIVE")
    const used = await control<{ data: { used_mb: number } }>("/device/use", { iccid, mb: 300 })
    expect(used.body.data.used_mb).toBe(300)
    expect((await control<{ error: string }>("/device/install", { iccid })).body.error).toMatch(/not NEW/)
    expect((await control("/device/use", { iccid, mb: -1 })).status).toBe(400)
    expect((await control("/device/expire", { iccid: "8988000" })).status).toBe(400)
    const depleted = await control<{ esim: { status: string } }>("/device/deplete", { iccid })
    expect(depleted.body.esim.status).toBe("DEPLETED")
  })
})

describe("other providers' eSIMs", () => {
  // Time factor 1: a partner eSIM's status event waits 30 real minutes unless POST /esims/status is called.
  const current = useSandbox(() => ({ allowHttpWebhooks: true }))
  let receiver: Receiver

  beforeEach(async () => {
    receiver = await startReceiver()
  })
  afterEach(() => receiver.close())

  it("get no install or usage events, and their late status event goes out at once after POST /esims/status", async () => {
    const { api, sandbox } = current()
    await registerWebhook(api, receiver.url)
    const { iccid } = await buyEsim(api, "TR1GB7D")
    sandbox.installEsim(iccid)
    sandbox.useData(iccid, 1000)
    expect(sandbox.ledger().webhooks.deliveries.map((delivery) => [delivery.event, delivery.attempts.length])).toEqual([
      ["esim.status.changed", 0],
    ])
    await api.post("/esims/status", { iccid })
    await sandbox.settleWebhooks()
    const events = receiver.received.map(({ raw }) => JSON.parse(raw) as WebhookBody)
    expect(events.map((body) => [body.event, body.data.new_status])).toEqual([["esim.status.changed", "ACTIVE"]])
  })
})

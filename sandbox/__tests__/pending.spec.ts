import { manualClock, startSandbox, useSandbox } from "./support/harness"
import { ApiClient, Reply } from "./support/signed-fetch"
import { CreateOrderBody, HistoryBody, OrderStatusBody } from "./support/wire"

function poll(api: ApiClient, reference: string): Promise<Reply<OrderStatusBody>> {
  return api.get<OrderStatusBody>(`/esims/order?orderReference=${reference}`)
}

describe("pending orders", () => {
  const current = useSandbox()

  it("answers pending_details for a slow package, in the documented placeholder shape", async () => {
    const { api, sandbox } = current()
    const order = { packageCode: "TR-1GB-7D-SLOW", quantity: 2 }
    const { status, body } = await api.post<CreateOrderBody>("/esims/order", order)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      success: true,
      message: "Order created successfully, eSIM details will be available shortly",
      status: "pending_details",
      qrCodeUrl: "",
      directAppleInstallUrl: "",
      paymentMethod: "balance",
      amount: 5.78,
      newBalance: 994.22,
    })
    expect(body.note).toMatch(/being processed/)
    expect(body).not.toHaveProperty("lpaString")
    expect(body).not.toHaveProperty("isPending")
    expect(body.esims).toHaveLength(2)
    for (const esim of body.esims) {
      expect(esim).toEqual({
        iccid: expect.stringMatching(/^PENDING_B\d{14}_\d+$/),
        qrCodeUrl: "",
        directAppleInstallUrl: "",
        status: "PENDING",
        isPending: true,
      })
    }
    expect(new Set(body.esims.map((esim) => esim.iccid)).size).toBe(2)
    expect(sandbox.ledger().orders[0]).toMatchObject({ status: "pending_details", esims: [] })
  })

  it("completes after pendingPolls status polls, charging only once", async () => {
    const { api, sandbox } = current()
    const created = await api.post<CreateOrderBody>("/esims/order", { packageCode: "EU-3GB-30D-SLOW" })
    const reference = created.body.orderReference
    const first = await poll(api, reference)
    const second = await poll(api, reference)
    const third = await poll(api, reference)
    expect(first.body.order.status).toBe("pending_details")
    expect(first.body.order.esim?.iccid).toMatch(/^PENDING_/)
    expect(second.body.order.status).toBe("pending_details")
    expect(third.body.order.status).toBe("completed")
    expect(third.body.order.esims).toHaveLength(1)
    expect(third.body.order.esim?.iccid).toMatch(/^8988\d{15}$/)
    expect(third.body.order.esim?.status).toBe("New")
    expect(sandbox.ledger().balance).toBe(992.51)
    expect(sandbox.ledger().orders[0]).toMatchObject({ status: "completed", polls: 2 })
  })

  it("keeps a stays-pending package pending forever", async () => {
    const { api, sandbox } = current()
    sandbox.faults.stayPending("JP-5GB-30D")
    const created = await api.post<CreateOrderBody>("/esims/order", { packageCode: "JP-5GB-30D" })
    expect(created.body.status).toBe("pending_details")
    for (let i = 0; i < 6; i++) {
      const reply = await poll(api, created.body.orderReference)
      expect(reply.body.order.status).toBe("pending_details")
    }
    const other = await api.post<CreateOrderBody>("/esims/order", { packageCode: "JP-1GB-7D" })
    expect(other.body.status).toBe("completed")
  })

  it("lists pending_details orders as pending in GET /orders", async () => {
    const { api } = current()
    await api.post("/esims/order", { packageCode: "TR-1GB-7D-SLOW" })
    await api.post("/esims/order", { packageCode: "TR-1GB-7D" })
    const pending = await api.get<HistoryBody>("/orders?status=pending")
    expect(pending.body.data.orders.map((order) => order.status)).toEqual(["pending"])
    expect(pending.body.data.summary).toEqual({ total_orders: 0, total_revenue: 0 })
  })
})

describe("pending orders, other settings", () => {
  it("uses esims: [] and isPending: true with pendingShape 'empty'", async () => {
    const { api, sandbox } = await startSandbox({ pendingShape: "empty", pendingPolls: 1 })
    try {
      const order = { packageCode: "TR-1GB-7D-SLOW", quantity: 2 }
      const created = await api.post<CreateOrderBody>("/esims/order", order)
      expect(created.body).toMatchObject({ status: "pending_details", esims: [], isPending: true })
      const first = await poll(api, created.body.orderReference)
      expect(first.body.order).toMatchObject({ status: "pending_details", esim: null, esims: [] })
      const second = await poll(api, created.body.orderReference)
      expect(second.body.order.status).toBe("completed")
      expect(second.body.order.esims).toHaveLength(2)
    } finally {
      await sandbox.close()
    }
  })

  it("completes on its own once pendingSeconds have passed", async () => {
    const clock = manualClock()
    const { api, sandbox } = await startSandbox({ now: clock.now, pendingSeconds: 30, pendingPolls: 100 })
    try {
      const created = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D-SLOW" })
      clock.advance(29_000)
      expect((await poll(api, created.body.orderReference)).body.order.status).toBe("pending_details")
      clock.advance(1_000)
      expect(sandbox.ledger().orders[0].status).toBe("completed")
      expect((await poll(api, created.body.orderReference)).body.order.status).toBe("completed")
    } finally {
      await sandbox.close()
    }
  })

  it("completes on the first poll with pendingPolls 0", async () => {
    const { api, sandbox } = await startSandbox({ pendingPolls: 0 })
    try {
      const created = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D-SLOW" })
      expect((await poll(api, created.body.orderReference)).body.order.status).toBe("completed")
    } finally {
      await sandbox.close()
    }
  })
})

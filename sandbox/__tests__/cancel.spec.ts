import { SandboxLedger } from "../index"
import { useSandbox } from "./support/harness"
import { BalanceBody, CreateOrderBody, ErrorBody, HistoryBody, OrderStatusBody } from "./support/wire"

interface CancelBody {
  success: true
  data: { orderReference: string; cancelled: string[]; refunded: number; currency: string; newBalance: number }
}

describe("POST /esims/cancel", () => {
  const current = useSandbox()

  async function buy(quantity: number, packageCode = "TR-1GB-7D") {
    const created = await current().api.post<CreateOrderBody>("/esims/order", { packageCode, quantity })
    return { reference: created.body.orderReference, iccids: created.body.esims.map((esim) => esim.iccid) }
  }

  it("cancels every eSIM of the order, refunds them and marks the order cancelled", async () => {
    const { api, sandbox } = current()
    const order = await buy(2)
    const other = await buy(1)
    const reply = await api.post<CancelBody>("/esims/cancel", { iccid: order.iccids[1] })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({
      success: true,
      data: {
        orderReference: order.reference,
        cancelled: order.iccids,
        refunded: 5.44,
        currency: "USD",
        newBalance: 997.28,
      },
    })
    expect(reply.headers.get("x-ratelimit-remaining")).not.toBeNull()
    const ledger = sandbox.ledger()
    const [cancelled, untouched] = ledger.orders
    expect(cancelled.status).toBe("cancelled")
    expect(cancelled.esims.map((esim) => esim.state)).toEqual(["cancelled", "cancelled"])
    expect(cancelled.cancellations).toEqual([
      {
        at: expect.any(String),
        requestId: expect.any(String),
        requestedIccid: order.iccids[1],
        iccids: order.iccids,
        refund: 5.44,
      },
    ])
    expect(untouched).toMatchObject({ orderReference: other.reference, status: "completed", cancellations: [] })
    expect(untouched.esims[0].state).toBe("new")
    expect((await api.get<BalanceBody>("/balance")).body.data.balance).toBe(997.28)
  })

  it("shows the cancellation in the status check and the order history", async () => {
    const { api } = current()
    const order = await buy(1)
    await api.post("/esims/cancel", { iccid: order.iccids[0] })
    const status = await api.get<OrderStatusBody>(`/esims/order?orderReference=${order.reference}`)
    expect(status.body.order).toMatchObject({ status: "cancelled", paymentStatus: "refunded" })
    expect(status.body.order.esims[0].status).toBe("Cancelled")
    const history = await api.get<HistoryBody>("/orders?status=cancelled")
    expect(history.body.data.orders.map((row) => row.order_reference)).toEqual([order.reference])
  })

  it("leaves installed and used eSIMs alone and refunds only the others", async () => {
    const { api, control, sandbox } = current()
    const order = await buy(4)
    const set = await control<SandboxLedger>("/esim-state", { iccid: order.iccids[0], state: "installed" })
    expect(set.status).toBe(200)
    expect(set.body.orders[0].esims[0].state).toBe("installed")
    sandbox.setEsimState(order.iccids[3], "used")
    const reply = await api.post<CancelBody>("/esims/cancel", { iccid: order.iccids[2] })
    expect(reply.body.data).toMatchObject({
      cancelled: [order.iccids[1], order.iccids[2]],
      refunded: 5.44,
      newBalance: 994.56,
    })
    const ledger = sandbox.ledger()
    expect(ledger.orders[0].status).toBe("completed")
    expect(ledger.orders[0].esims.map((esim) => esim.state)).toEqual(["installed", "cancelled", "cancelled", "used"])
  })

  it("refuses an installed eSIM with ESIM_NOT_CANCELLABLE and cancels nothing", async () => {
    const { api, sandbox } = current()
    const order = await buy(2)
    sandbox.setEsimState(order.iccids[0], "installed")
    const reply = await api.post<ErrorBody>("/esims/cancel", { iccid: order.iccids[0] })
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ success: false, code: "ESIM_NOT_CANCELLABLE" })
    expect(reply.body.message).toContain("installed")
    const ledger = sandbox.ledger()
    expect(ledger.orders[0].esims.map((esim) => esim.state)).toEqual(["installed", "new"])
    expect(ledger.orders[0].cancellations).toEqual([])
    expect(ledger.balance).toBe(994.56)
  })

  it("answers ALREADY_CANCELLED to a second call and refunds nothing more", async () => {
    const { api, sandbox } = current()
    const order = await buy(2)
    await api.post("/esims/cancel", { iccid: order.iccids[0] })
    for (const iccid of order.iccids) {
      const again = await api.post<ErrorBody>("/esims/cancel", { iccid })
      expect(again.status).toBe(400)
      expect(again.body).toMatchObject({ success: false, code: "ALREADY_CANCELLED" })
    }
    expect(sandbox.ledger().balance).toBe(1000)
    expect(sandbox.ledger().orders[0].cancellations).toHaveLength(1)
  })

  it("answers 404 ESIM_NOT_FOUND, 400 for a missing iccid and checks auth like every route", async () => {
    const { api } = current()
    const unknown = await api.post<ErrorBody>("/esims/cancel", { iccid: "8988000000000000000" })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ success: false, code: "ESIM_NOT_FOUND" })
    const missing = await api.post<ErrorBody>("/esims/cancel", {})
    expect(missing.body).toMatchObject({ code: "MISSING_ICCID" })
    const garbage = await api.post<ErrorBody>("/esims/cancel", "not json")
    expect(garbage.body).toMatchObject({ code: "INVALID_REQUEST" })
    const unsigned = await api.post<ErrorBody>("/esims/cancel", { iccid: "x" }, { secretKey: "wrong" })
    expect(unsigned.status).toBe(401)
    expect(unsigned.body.code).toBe("INVALID_SIGNATURE")
    expect((await api.get<ErrorBody>("/esims/cancel")).status).toBe(405)
  })

  it("validates POST /__sandbox/esim-state", async () => {
    const { api, control } = current()
    const order = await buy(1)
    expect((await control("/esim-state", { iccid: "nope", state: "installed" })).status).toBe(400)
    expect((await control("/esim-state", { iccid: order.iccids[0], state: "cancelled" })).status).toBe(400)
    await api.post("/esims/cancel", { iccid: order.iccids[0] })
    const reopened = await control<{ error: string }>("/esim-state", { iccid: order.iccids[0], state: "new" })
    expect(reopened.status).toBe(400)
    expect(reopened.body.error).toContain("cancelled")
  })
})

import { startSandbox, useSandbox } from "./support/harness"
import { CreateOrderBody, ErrorBody } from "./support/wire"

const ORDER_REFERENCE = /^order_\d+_[a-z0-9]{5}$/
const LPA = /^LPA:1\$rsp\.sandbox\.esimfly\.local\$[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/
const APPLE = "https://esimsetup.apple.com/esim_qrcode_provisioning?carddata="
const ANDROID = "https://esimsetup.android.com/esim_qrcode_provisioning?carddata="

function luhnValid(digits: string): boolean {
  const sum = [...digits].reverse().reduce((total, char, index) => {
    const doubled = index % 2 === 1 ? Number(char) * 2 : Number(char)
    return total + (doubled > 9 ? doubled - 9 : doubled)
  }, 0)
  return sum % 10 === 0
}

describe("POST /esims/order", () => {
  const current = useSandbox()

  it("accepts a correctly signed order and deducts the balance", async () => {
    const { api, sandbox } = current()
    const reply = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D" })
    expect(reply.status).toBe(200)
    const body = reply.body
    expect(body).toMatchObject({
      success: true,
      message: "Order processed successfully",
      packageName: "Turkey 1GB 7Days",
      currency: "USD",
      paymentMethod: "balance",
      status: "completed",
      amount: 2.72,
      final_price: 2.72,
      newBalance: 997.28,
    })
    expect(body.orderReference).toMatch(ORDER_REFERENCE)
    expect(Number.isInteger(body.esimId)).toBe(true)
    expect(body.lpaString).toMatch(LPA)
    expect(body.qrCodeUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/)
    expect(body.directAppleInstallUrl).toBe(APPLE + encodeURIComponent(body.lpaString ?? ""))
    expect(body.profit).toBeGreaterThan(0)
    expect(Number.isInteger(body.processing_time_ms)).toBe(true)
    expect(sandbox.ledger().balance).toBe(997.28)
    expect(sandbox.ledger().orders).toHaveLength(1)
  })

  it("gives 3 distinct eSIMs for quantity 3 and charges for all of them", async () => {
    const { api, sandbox } = current()
    const order = { packageCode: "TR-1GB-7D", quantity: 3 }
    const { body } = await api.post<CreateOrderBody>("/esims/order", order)
    expect(body.amount).toBe(8.16)
    expect(body.final_price).toBe(8.16)
    expect(body.esims).toHaveLength(3)
    const iccids = body.esims.map((esim) => esim.iccid)
    expect(new Set(iccids).size).toBe(3)
    expect(new Set(body.esims.map((esim) => esim.lpaString)).size).toBe(3)
    for (const esim of body.esims) {
      expect(esim.iccid).toMatch(/^8988\d{15}$/)
      expect(luhnValid(esim.iccid)).toBe(true)
      expect(esim).toMatchObject({ status: "New", profileStatus: "nodownload", isPending: false })
      expect(esim.lpaString).toMatch(LPA)
      expect(esim.directAndroidInstallUrl).toBe(ANDROID + encodeURIComponent(esim.lpaString ?? ""))
    }
    expect(body.lpaString).toBe(body.esims[0].lpaString)
    expect(sandbox.ledger().orders[0]).toMatchObject({ quantity: 3, amount: 8.16, unitPrice: 2.72 })
    expect(sandbox.ledger().balance).toBe(991.84)
  })

  it.each([0, 11, 2.5, "3", -1])("rejects quantity %p with INVALID_QUANTITY", async (quantity) => {
    const { api, sandbox } = current()
    const reply = await api.post<ErrorBody>("/esims/order", { packageCode: "TR-1GB-7D", quantity })
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ success: false, code: "INVALID_QUANTITY" })
    expect(sandbox.ledger()).toMatchObject({ orders: [], balance: 1000 })
  })

  it("accepts quantity 10", async () => {
    const order = { packageCode: "US-1GB-7D", quantity: 10 }
    const reply = await current().api.post<CreateOrderBody>("/esims/order", order)
    expect(reply.status).toBe(200)
    expect(reply.body.esims).toHaveLength(10)
  })

  it("answers the documented errors for a missing package, bad JSON and an unknown package", async () => {
    const { api } = current()
    const missing = await api.post<ErrorBody>("/esims/order", { quantity: 1 })
    expect(missing.status).toBe(400)
    expect(missing.body).toEqual({
      success: false,
      message: "Missing required field: packageCode",
      code: "MISSING_PACKAGE_CODE",
    })
    const garbled = await api.post<ErrorBody>("/esims/order", "{not json")
    expect(garbled.status).toBe(400)
    expect(garbled.body.code).toBe("INVALID_REQUEST")
    const unknown = await api.post<ErrorBody>("/esims/order", { packageCode: "NOPE-1GB" })
    expect(unknown.body).toEqual({
      success: false,
      message: "Invalid package code. Package not found in database.",
      code: "INVALID_PACKAGE",
    })
  })

  it("checks a submitted price against the package price", async () => {
    const { api, sandbox } = current()
    const wrong = await api.post<ErrorBody>("/esims/order", { packageCode: "TR-1GB-7D", price: 1.5 })
    expect(wrong.status).toBe(400)
    expect(wrong.body).toMatchObject({ code: "PRICE_MISMATCH", message: "Invalid price submitted" })
    expect(sandbox.ledger().orders).toEqual([])
    const right = await api.post("/esims/order", { packageCode: "TR-1GB-7D", price: 2.72 })
    expect(right.status).toBe(200)
  })

  it("sells the package codes the esimfly docs use", async () => {
    const { api } = current()
    for (const packageCode of ["TR1GB7D", "merhaba-7days-1gb", "merhaba-15days-2gb", "europe-5gb-30days"]) {
      const reply = await api.post<CreateOrderBody>("/esims/order", { packageCode })
      expect(reply.status).toBe(200)
      expect(reply.body.status).toBe("completed")
    }
  })

  it("reports INSUFFICIENT_BALANCE with the three amounts in USD", async () => {
    const { api, sandbox } = current()
    sandbox.setBalance(5)
    const reply = await api.post<ErrorBody>("/esims/order", { packageCode: "TR-1GB-7D", quantity: 3 })
    expect(reply.status).toBe(400)
    expect(reply.body).toEqual({
      success: false,
      message: "Insufficient balance",
      code: "INSUFFICIENT_BALANCE",
      currentBalance: 5,
      requiredBalance: 8.16,
      needToLoad: 3.16,
    })
    expect(sandbox.ledger()).toMatchObject({ orders: [], balance: 5 })
  })

  it("rejects an idempotency_key longer than 200 characters", async () => {
    const reply = await current().api.post<ErrorBody>("/esims/order", {
      packageCode: "TR-1GB-7D",
      idempotency_key: "k".repeat(201),
    })
    expect(reply.status).toBe(400)
    expect(reply.body.code).toBe("INVALID_REQUEST")
  })

  it("replays an idempotency_key with duplicate: true and charges once", async () => {
    const { api, sandbox } = current()
    const order = { packageCode: "TR-1GB-7D", quantity: 2, idempotency_key: "batch-42" }
    const first = await api.post<CreateOrderBody>("/esims/order", order)
    const second = await api.post<CreateOrderBody>("/esims/order", order)
    expect(second.status).toBe(200)
    expect(first.body.duplicate).toBeUndefined()
    expect(second.body.duplicate).toBe(true)
    expect(second.body.orderReference).toBe(first.body.orderReference)
    expect(second.body.esims.map((esim) => esim.iccid)).toEqual(first.body.esims.map((esim) => esim.iccid))
    const ledger = sandbox.ledger()
    expect(ledger.orders).toHaveLength(1)
    expect(ledger.orders[0].idempotencyKey).toBe("batch-42")
    expect(ledger.balance).toBe(994.56)
  })

  it("answers 409 DUPLICATE_REQUEST to a replay while the first is still in flight", async () => {
    const { api, sandbox } = current()
    sandbox.faults.setLatency(300)
    const order = { packageCode: "TR-1GB-7D", idempotency_key: "in-flight" }
    const [a, b] = await Promise.all([
      api.post<CreateOrderBody | ErrorBody>("/esims/order", order),
      api.post<CreateOrderBody | ErrorBody>("/esims/order", order),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const conflict = a.status === 409 ? a : b
    expect((conflict.body as ErrorBody).code).toBe("DUPLICATE_REQUEST")
    expect(sandbox.ledger().orders).toHaveLength(1)
  })

  it("never overdraws when two orders race for the last of the balance", async () => {
    const { api, sandbox } = current()
    sandbox.setBalance(3)
    sandbox.faults.setLatency(100)
    const replies = await Promise.all([
      api.post<ErrorBody>("/esims/order", { packageCode: "TR-1GB-7D" }),
      api.post<ErrorBody>("/esims/order", { packageCode: "TR-1GB-7D" }),
    ])
    expect(replies.map((reply) => reply.body.code ?? "ok").sort()).toEqual(["INSUFFICIENT_BALANCE", "ok"])
    expect(sandbox.ledger().balance).toBe(0.28)
  })

  it("keeps the order's request id and callbackUrl in the ledger", async () => {
    const { api, sandbox } = current()
    const requestId = "2b0e7c1e-4a5b-4c3d-ae8f-123456789abc"
    const callbackUrl = "https://shop.example/hooks/esim"
    await api.post("/esims/order", { packageCode: "TR-1GB-7D", callbackUrl }, { requestId })
    expect(sandbox.ledger().orders[0]).toMatchObject({ requestId, callbackUrl })
  })
})

describe("POST /esims/order on an IQD account", () => {
  it("prices in whole dinars and reports INSUFFICIENT_BALANCE in IQD", async () => {
    const { api, sandbox } = await startSandbox({ currency: "IQD", balance: 5000 })
    try {
      const ok = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D" })
      // 2.72 USD × 1310 = 3563.2 → 3563 IQD
      expect(ok.body).toMatchObject({ currency: "IQD", amount: 3563, final_price: 3563, newBalance: 1437 })
      expect(Number.isInteger(ok.body.profit)).toBe(true)
      const short = await api.post<ErrorBody>("/esims/order", { packageCode: "TR-1GB-7D", quantity: 2 })
      expect(short.body).toMatchObject({
        code: "INSUFFICIENT_BALANCE",
        currentBalance: 1437,
        requiredBalance: 7126,
        needToLoad: 5689,
      })
    } finally {
      await sandbox.close()
    }
  })

  it("opens an IQD account with 1,500,000 dinars by default", async () => {
    const { sandbox } = await startSandbox({ currency: "IQD" })
    try {
      expect(sandbox.ledger()).toMatchObject({ balance: 1_500_000, currency: "IQD" })
    } finally {
      await sandbox.close()
    }
  })
})

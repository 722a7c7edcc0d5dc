import { useSandbox } from "./support/harness"
import { CreateOrderBody, ErrorBody, OrderStatusBody } from "./support/wire"

function carddata(url: string): string {
  const value = new URL(url).searchParams.get("carddata")
  if (value === null) throw new Error(`no carddata in ${url}`)
  return value
}

describe("GET /esims/order", () => {
  const current = useSandbox()

  it("answers the documented status shape, with no lpaString and https QR images", async () => {
    const { api } = current()
    const order = { packageCode: "TR-3GB-15D", quantity: 2 }
    const created = await api.post<CreateOrderBody>("/esims/order", order)
    const reply = await api.get<OrderStatusBody>(`/esims/order?orderReference=${created.body.orderReference}`)
    expect(reply.status).toBe(200)
    expect(JSON.stringify(reply.body)).not.toContain("lpaString")
    const status = reply.body.order
    expect(status).toMatchObject({
      id: created.body.esimId,
      packageName: "Turkey 3GB 15Days",
      packageCode: "TR-3GB-15D",
      status: "completed",
      amount: created.body.amount,
      finalPrice: created.body.amount,
      orderReference: created.body.orderReference,
      paymentMethod: "balance",
      paymentStatus: "succeeded",
    })
    expect(new Date(status.orderDate).toISOString()).toBe(status.orderDate)
    expect(status.esims).toHaveLength(2)
    expect(status.esim).toEqual(status.esims[0])
    status.esims.forEach((esim, index) => {
      const lpa = created.body.esims[index].lpaString
      expect(esim.iccid).toBe(created.body.esims[index].iccid)
      expect(esim.qrCodeUrl).toBe(`https://sandbox.esimfly.local/qr/${esim.iccid}.png`)
      expect(carddata(esim.directAppleInstallUrl)).toBe(lpa)
      expect(carddata(esim.directAndroidInstallUrl)).toBe(lpa)
      expect(esim).toMatchObject({ status: "New", unlimited: false, totalDuration: 15 })
      expect(esim.totalVolume).toBe(3 * 1024 ** 3)
      expect(Date.parse(esim.expiredTime ?? "")).toBeGreaterThan(Date.parse(status.orderDate))
    })
  })

  it("flags unlimited packages", async () => {
    const { api } = current()
    const created = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-UNL-7D" })
    const reply = await api.get<OrderStatusBody>(`/esims/order?orderReference=${created.body.orderReference}`)
    expect(reply.body.order.esim).toMatchObject({ unlimited: true, totalDuration: 7 })
  })

  it("answers 400 MISSING_ORDER_REFERENCE and 404 ORDER_NOT_FOUND", async () => {
    const { api } = current()
    const missing = await api.get<ErrorBody>("/esims/order")
    expect(missing.status).toBe(400)
    expect(missing.body).toMatchObject({ success: false, code: "MISSING_ORDER_REFERENCE" })
    const unknown = await api.get<ErrorBody>("/esims/order?orderReference=order_1_abcde")
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ success: false, code: "ORDER_NOT_FOUND" })
  })
})

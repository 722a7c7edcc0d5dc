import { EsimflyTransportError } from "../errors"

const unexpectedResponse = { constructor: EsimflyTransportError, code: "UNEXPECTED_RESPONSE" }
import { LPA, completedOrder, json, makeClient, raw } from "./fake-fetch"
import { historyOrderWire, packageRead, packageWire } from "./support/wire-samples"

const ANDROID = `https://esimsetup.android.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(LPA)}`

describe("create-order responses", () => {
  it("normalises the documented completed order", async () => {
    const { client } = makeClient([json(completedOrder({ unknownNewField: { x: 1 } }))])

    const result = await client.createOrder({ packageCode: "TR1GB7D" })

    expect(result).toMatchObject({
      orderReference: "order_1692123456_ab7cd",
      status: "completed",
      pending: false,
      duplicate: false,
      esimId: 2503,
      newBalance: 47.28,
      currency: "USD",
      finalPrice: 2.72,
      profit: 0.2,
      processingTimeMs: 3245,
    })
    expect(result.esims).toEqual([
      {
        iccid: "8932042000010078801",
        lpa: LPA,
        smdpAddress: "rsp-3104.idemia.io",
        activationCode: "DOAZJ-HYDO5-HGMLN-S9B8S",
        qrCodeUrl: "data:image/png;base64,iVBORw0KGgo...",
        appleInstallUrl: `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${LPA}`,
        androidInstallUrl: ANDROID,
        status: "New",
        profileStatus: "nodownload",
        simStatus: null,
        esimStatus: null,
        totalVolume: null,
        totalDuration: null,
        expiredTime: null,
        unlimited: null,
      },
    ])
  })

  it("reports a completed answer with fewer eSIMs than the quantity ordered as pending: poll for the rest, never re-order", async () => {
    const { client } = makeClient([json(completedOrder()), json(completedOrder())])

    await expect(client.createOrder({ packageCode: "TR1GB7D", quantity: 2 })).resolves.toMatchObject({
      status: "completed",
      pending: true,
    })
    await expect(client.createOrder({ packageCode: "TR1GB7D", quantity: 1 })).resolves.toMatchObject({ pending: false })
  })

  it("treats PENDING_ placeholder eSIMs as no eSIMs yet", async () => {
    const pending = completedOrder({
      status: "pending_details",
      lpaString: undefined,
      qrCodeUrl: "",
      directAppleInstallUrl: "",
      note: "eSIM details are being processed.",
      esims: [
        {
          iccid: "PENDING_B25081719340002_1755459260253",
          qrCodeUrl: "",
          directAppleInstallUrl: "",
          status: "PENDING",
          isPending: true,
        },
      ],
    })
    const { client } = makeClient([json(pending)])

    const result = await client.createOrder({ packageCode: "TR1GB7D" })

    expect(result).toMatchObject({
      status: "pending_details",
      pending: true,
      esims: [],
      note: "eSIM details are being processed.",
    })
  })

  it("accepts the newer pending shape: esims [] with isPending", async () => {
    const { client } = makeClient([json(completedOrder({ status: "pending_details", isPending: true, esims: [] }))])

    await expect(client.createOrder({ packageCode: "TR1GB7D" })).resolves.toMatchObject({ pending: true, esims: [] })
  })

  it("keeps newer fields: duplicate, Android link, sim/esim status and volume", async () => {
    const esim = {
      iccid: "8932042000010078801",
      lpaString: LPA,
      qrCodeUrl: "https://qr.example.com/1.png",
      directAppleInstallUrl: "",
      directAndroidInstallUrl: "https://esimsetup.android.com/esim_qrcode_provisioning?carddata=server-built",
      sim_status: "GOT_RESOURCE",
      esim_status: "RELEASED",
      total_volume: 1073741824,
    }
    const { client } = makeClient([json(completedOrder({ duplicate: true, esims: [esim] }))])

    const result = await client.createOrder({ packageCode: "TR1GB7D", idempotencyKey: "k" })

    expect(result.duplicate).toBe(true)
    expect(result.esims[0]).toMatchObject({
      qrCodeUrl: "https://qr.example.com/1.png",
      appleInstallUrl: `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(LPA)}`,
      androidInstallUrl: "https://esimsetup.android.com/esim_qrcode_provisioning?carddata=server-built",
      simStatus: "GOT_RESOURCE",
      esimStatus: "RELEASED",
      totalVolume: 1073741824,
    })
  })
})

describe("order status responses", () => {
  const order = {
    id: 2503,
    packageName: "Turkey 1 GB 7 Days",
    packageCode: "merhaba-7days-1gb",
    status: "completed",
    amount: 2.72,
    finalPrice: 2.72,
    orderDate: "2024-08-17T20:12:00Z",
    orderReference: "order_1692123456_ab7cd",
    paymentMethod: "balance",
    paymentStatus: "succeeded",
  }
  const esim = {
    iccid: "8932042000010078801",
    status: "New",
    qrCodeUrl: "https://qr.example.com/esim-qr-code.png",
    directAppleInstallUrl: `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(LPA)}`,
    unlimited: false,
    totalVolume: 1073741824,
    totalDuration: 7,
    expiredTime: "2025-02-13T20:12:00Z",
  }

  it("recovers the LPA from carddata when there is no lpaString and the QR is an https URL", async () => {
    const { client } = makeClient([json({ success: true, order: { ...order, esim } })])

    const status = await client.getOrder("order_1692123456_ab7cd")

    expect(status).toMatchObject({ id: 2503, status: "completed", pending: false, paymentStatus: "succeeded" })
    expect(status.esims).toEqual([
      expect.objectContaining({
        iccid: "8932042000010078801",
        lpa: LPA,
        smdpAddress: "rsp-3104.idemia.io",
        activationCode: "DOAZJ-HYDO5-HGMLN-S9B8S",
        qrCodeUrl: "https://qr.example.com/esim-qr-code.png",
        androidInstallUrl: ANDROID,
        unlimited: false,
        totalVolume: 1073741824,
        totalDuration: 7,
        expiredTime: "2025-02-13T20:12:00Z",
      }),
    ])
  })

  it("accepts an esims array", async () => {
    const { client } = makeClient([
      json({ success: true, order: { ...order, esims: [esim, { ...esim, iccid: "8932042000010078802" }] } }),
    ])

    expect((await client.getOrder("o")).esims.map((e) => e.iccid)).toEqual([
      "8932042000010078801",
      "8932042000010078802",
    ])
  })

  it("reports an order with no eSIM yet as pending", async () => {
    const { client } = makeClient([json({ success: true, order: { ...order, status: "pending" } })])

    await expect(client.getOrder("o")).resolves.toMatchObject({ pending: true, esims: [] })
  })

  it("does not report a failed order as pending", async () => {
    const { client } = makeClient([json({ success: true, order: { ...order, status: "failed" } })])

    await expect(client.getOrder("o")).resolves.toMatchObject({ pending: false, esims: [] })
  })

  it("keeps an eSIM whose LPA cannot be recovered, with null install data", async () => {
    const bare = {
      iccid: "8932042000010078803",
      directAppleInstallUrl: "https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=LPA:1$...",
    }
    const { client } = makeClient([json({ success: true, order: { ...order, esim: bare } })])

    const [only] = (await client.getOrder("o")).esims

    expect(only).toMatchObject({ iccid: "8932042000010078803", lpa: null, smdpAddress: null, androidInstallUrl: null })
  })
})

describe("history, balance and package responses", () => {
  it("normalises history with total_pages", async () => {
    const body = {
      success: true,
      data: {
        orders: [historyOrderWire],
        summary: { total_orders: 156, total_revenue: 1234.56 },
        pagination: { page: 1, limit: 20, total: 156, total_pages: 8 },
      },
    }
    const { client } = makeClient([json(body)])

    await expect(client.listOrders()).resolves.toEqual({
      orders: [
        {
          id: 12345,
          orderReference: "ES-1234567890-ABC",
          packageName: "United States 1GB 7Days",
          packageCode: "PHAJHEAYP",
          amount: 1.44,
          currency: "USD",
          status: "completed",
          flagUrl: null,
          createdAt: "2024-01-15T10:30:00Z",
        },
      ],
      summary: { totalOrders: 156, totalRevenue: 1234.56 },
      pagination: { page: 1, limit: 20, total: 156, totalPages: 8 },
    })
  })

  it("normalises history with totalPages", async () => {
    const body = {
      success: true,
      data: { orders: [], summary: {}, pagination: { page: 1, limit: 20, total: 0, totalPages: 0 } },
    }
    const { client } = makeClient([json(body)])

    expect((await client.listOrders()).pagination.totalPages).toBe(0)
  })

  it("computes totalPages from total and limit when neither spelling is sent", async () => {
    const body = { success: true, data: { packages: [], pagination: { page: 1, limit: 100, total: 7001 } } }
    const { client } = makeClient([json(body)])

    expect((await client.listPackages()).pagination.totalPages).toBe(71)
  })

  it("normalises a package and ignores unknown fields", async () => {
    const pkg = { ...packageWire, brand_new_field: "ignored" }
    const body = {
      success: true,
      data: { packages: [pkg], pagination: { page: 1, limit: 100, total: 1, totalPages: 1 } },
    }
    const { client } = makeClient([json(body)])

    const [only] = (await client.listPackages()).packages

    expect(only).toEqual(packageRead)
  })

  it("reads the balance", async () => {
    const { client } = makeClient([json({ success: true, data: { balance: 203488, currency: "IQD" } })])

    await expect(client.getBalance()).resolves.toEqual({ balance: 203488, currency: "IQD" })
  })
})

describe("unexpected bodies", () => {
  it.each([
    ["not JSON", raw("<html>oops</html>")],
    ["truncated JSON", raw('{"success":true,"data":{"bal')],
    ["a JSON array", json([1, 2])],
    ["a wrong type", json({ success: true, data: { balance: "lots", currency: "USD" } })],
    ["a missing field", json({ success: true, data: { currency: "USD" } })],
    ["an empty body", raw("")],
  ])("turns %s into a transport error with code UNEXPECTED_RESPONSE", async (_name, reply) => {
    const { client, calls } = makeClient([reply])

    const error = await client.getBalance().catch((e: unknown) => e)

    expect(error).toMatchObject(unexpectedResponse)
    expect(error).toMatchObject({ status: 200, requestId: calls[0]?.headers["RT-RequestID"], retryable: false })
    expect(calls).toHaveLength(1)
  })

  it("says which path failed", async () => {
    const { client } = makeClient([json({ success: true, data: { orders: "nope", pagination: { totalPages: 1 } } })])

    const error = (await client.listOrders().catch((e: unknown) => e)) as EsimflyTransportError

    expect(error.detail).toContain("data.orders")
    expect(error.message).toContain("esimfly GET /orders returned an unexpected response")
  })

  it("rejects pagination without any page count", async () => {
    const { client } = makeClient([json({ success: true, data: { packages: [], pagination: { page: 1 } } })])

    await expect(client.listPackages()).rejects.toMatchObject(unexpectedResponse)
  })
})

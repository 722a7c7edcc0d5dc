import { EsimflyInvalidRequestError, EsimflyNotFoundError, EsimflyTransportError } from "../errors"
import { json, makeClient, raw, resetError, timeoutError } from "./fake-fetch"
import { expectSignedAsSent } from "./support/signed"

const ICCID = "8910300001234567890"
const BASE = "https://api.test/api/v1/business"

const usageData = { total_mb: 1024, used_mb: 256, remaining_mb: 768, usage_percentage: 25, is_unlimited: false }
const usageRead = { totalMb: 1024, usedMb: 256, remainingMb: 768, usagePercentage: 25, isUnlimited: false }
const validity = {
  days: 7,
  activated_at: "2024-01-29T10:30:00Z",
  expires_at: "2024-02-05T10:30:00Z",
  is_expired: false,
}
const validityRead = {
  days: 7,
  activatedAt: "2024-01-29T10:30:00Z",
  expiresAt: "2024-02-05T10:30:00Z",
  isExpired: false,
}

/** The documented usage answer (docs: lifecycle.md, "Usage and status"). */
const usage = {
  success: true,
  data: {
    esim: { iccid: ICCID, order_id: "order_1_abcde", package_name: "Sweden 1GB - 7 Days", status: "ACTIVE" },
    data: usageData,
    validity,
  },
}

/** The documented live status (docs: esim-status.md); mcc/mnc sent as numbers to check they are read as text. */
const liveStatus = {
  success: true,
  data: {
    iccid: ICCID,
    status: "ACTIVE",
    esim_status: "Active",
    smdp_status: "Enabled",
    profile: "Enabled",
    unlimited: false,
    last_network: {
      operator: "Telia",
      mcc: 240,
      mnc: "01",
      country: "Sweden",
      country_iso2: "SE",
      connection_type: "4G",
    },
    device: { model: "iPhone 15", imei: "356789012345678" },
    activation_date: "2024-01-29T10:30:00Z",
    last_usage_date: "2024-01-30T08:00:00Z",
    expiry_date: "2024-02-05T10:30:00Z",
    data_usage: { used_gb: 0.25, total_gb: 1, unlimited: false },
  },
}

/** One eSIM of `GET /esims` as docs/api/esims.md shows it. */
const listedEsim = {
  id: 12345,
  iccid: ICCID,
  package_name: "Sweden 1GB - 7 Days",
  package_code: "sweden-7days-1gb",
  countries: ["Sweden"],
  status: "ACTIVE",
  data: usageData,
  validity,
  qr_code: "https://storage.esimfly.net/qr-codes/12345-a1b2c3d4.png",
  created_at: "2024-01-29T10:30:00Z",
  is_pending: false,
  phone_number: null,
  imsi: "260010185757766",
  sim_status: "AFFECTED",
  esim_status: "Active",
  profile_status: "Enable",
}

describe("queryUsage", () => {
  it("sends one signed GET /esims/usage/query?iccid= and reads the MB counters and validity", async () => {
    const { client, calls } = makeClient([json(usage)])

    const result = await client.queryUsage({ iccid: ICCID })

    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: "GET", url: `${BASE}/esims/usage/query?iccid=${ICCID}` })
    expectSignedAsSent(calls[0])
    expect(result).toEqual({
      iccid: ICCID,
      orderReference: "order_1_abcde",
      packageName: "Sweden 1GB - 7 Days",
      status: "ACTIVE",
      data: usageRead,
      validity: validityRead,
    })
  })

  it("asks by order reference as order_id", async () => {
    const { client, calls } = makeClient([json(usage)])

    await client.queryUsage({ orderReference: "order_1_abcde" })

    expect(calls[0]?.url).toBe(`${BASE}/esims/usage/query?order_id=order_1_abcde`)
  })

  it("maps a code-less 404 to the not-found family, without a retry", async () => {
    const { client, calls } = makeClient([json({ error: "Not Found", message: "eSIM not found" }, 404)])

    const error = await client.queryUsage({ iccid: ICCID }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(EsimflyNotFoundError)
    expect(error).toMatchObject({ status: 404, code: "NOT_FOUND", message: "Not Found: eSIM not found" })
    expect(calls).toHaveLength(1)
  })

  it("maps a code-less 400 to an invalid request with code HTTP_400", async () => {
    const { client } = makeClient([json({ error: "Bad Request", message: "Provide iccid or order_id" }, 400)])

    await expect(client.queryUsage({ iccid: ICCID })).rejects.toMatchObject({
      constructor: EsimflyInvalidRequestError,
      code: "HTTP_400",
      message: "Bad Request: Provide iccid or order_id",
    })
  })

  it("refuses both identifiers, or neither, before any call", async () => {
    const { client, calls } = makeClient([])
    const both = { iccid: ICCID, orderReference: "order_1" } as unknown as { iccid: string }

    await expect(client.queryUsage(both)).rejects.toMatchObject({ code: "VALIDATION_ERROR" })
    await expect(client.queryUsage({} as { iccid: string })).rejects.toMatchObject({ code: "VALIDATION_ERROR" })
    expect(calls).toHaveLength(0)
  })
})

describe("listEsims", () => {
  it("sends one signed GET /esims with status, limit and page and reads each eSIM and the pagination", async () => {
    const pagination = { page: 2, limit: 100, total: 101, total_pages: 2 }
    const { client, calls } = makeClient([json({ success: true, data: { esims: [listedEsim], pagination } })])

    const page = await client.listEsims({ status: "ACTIVE", limit: 100, page: 2 })

    expect(calls[0]).toMatchObject({ method: "GET", url: `${BASE}/esims?status=ACTIVE&limit=100&page=2` })
    expectSignedAsSent(calls[0])
    expect(page.pagination).toEqual({ page: 2, limit: 100, total: 101, totalPages: 2 })
    expect(page.esims).toEqual([
      {
        id: 12345,
        iccid: ICCID,
        packageName: "Sweden 1GB - 7 Days",
        packageCode: "sweden-7days-1gb",
        countries: ["Sweden"],
        status: "ACTIVE",
        data: usageRead,
        validity: validityRead,
        createdAt: "2024-01-29T10:30:00Z",
        isPending: false,
        phoneNumber: null,
        imsi: "260010185757766",
        simStatus: "AFFECTED",
        esimStatus: "Active",
        profileStatus: "Enable",
      },
    ])
  })

  it("throws UNEXPECTED_RESPONSE when an eSIM has no ICCID", async () => {
    const pagination = { page: 1, limit: 20, total: 1, total_pages: 1 }
    const esims = [{ ...listedEsim, iccid: undefined }]
    const { client } = makeClient([json({ success: true, data: { esims, pagination } })])

    await expect(client.listEsims()).rejects.toMatchObject({
      constructor: EsimflyTransportError,
      code: "UNEXPECTED_RESPONSE",
      detail: expect.stringContaining("data.esims.0.iccid"),
    })
  })

  it("refuses an undocumented status and a limit over 100 before any call", async () => {
    const { client, calls } = makeClient([])

    await expect(client.listEsims({ status: "active" as "ACTIVE" })).rejects.toMatchObject({ field: "status" })
    await expect(client.listEsims({ limit: 101 })).rejects.toMatchObject({ field: "limit" })
    expect(calls).toHaveLength(0)
  })
})

describe("esimStatus", () => {
  it("sends one signed POST /esims/status with the ICCID and reads the live status in GB", async () => {
    const { client, calls } = makeClient([json(liveStatus)])

    const result = await client.esimStatus({ iccid: ICCID })

    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: "POST", url: `${BASE}/esims/status`, body: `{"iccid":"${ICCID}"}` })
    expectSignedAsSent(calls[0])
    expect(result).toEqual({
      iccid: ICCID,
      status: "ACTIVE",
      esimStatus: "Active",
      smdpStatus: "Enabled",
      profile: "Enabled",
      unlimited: false,
      lastNetwork: {
        operator: "Telia",
        mcc: "240",
        mnc: "01",
        country: "Sweden",
        countryIso2: "SE",
        connectionType: "4G",
      },
      device: { model: "iPhone 15", imei: "356789012345678" },
      activationDate: "2024-01-29T10:30:00Z",
      lastUsageDate: "2024-01-30T08:00:00Z",
      expiryDate: "2024-02-05T10:30:00Z",
      dataUsage: { usedGb: 0.25, totalGb: 1, unlimited: false },
    })
  })

  it("asks by esimId, and reads network and device as null before install", async () => {
    const data = { ...liveStatus.data, last_network: null, device: null }
    const { client, calls } = makeClient([json({ success: true, data })])

    const result = await client.esimStatus({ esimId: 2503 })

    expect(calls[0]?.body).toBe('{"esimId":2503}')
    expect(result).toMatchObject({ lastNetwork: null, device: null })
  })

  it.each([
    ["MISSING_IDENTIFIER", 400, EsimflyInvalidRequestError],
    ["FORBIDDEN", 403, EsimflyNotFoundError],
    ["ESIM_NOT_FOUND", 404, EsimflyNotFoundError],
    ["PROVIDER_ERROR", 502, EsimflyTransportError],
  ])("throws %s as its family with the code, sent once", async (code, status, type) => {
    const { client, calls, delays } = makeClient([
      json({ success: false, code, error: code }, status),
      json(liveStatus),
    ])

    const error = await client.esimStatus({ iccid: ICCID }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(type)
    expect(error).toMatchObject({ code, status })
    expect(calls).toHaveLength(1)
    expect(delays).toHaveLength(0)
  })

  it("is never re-sent on a timeout, a reset or a bare 502: each throws a transport error after one call", async () => {
    for (const [reply, code] of [
      [timeoutError(), "TIMEOUT"],
      [resetError(), "NETWORK_ERROR"],
      [raw("<html>Bad gateway</html>", 502), "HTTP_502"],
    ] as const) {
      const { client, calls } = makeClient([reply, json(liveStatus)])

      await expect(client.esimStatus({ iccid: ICCID })).rejects.toMatchObject({
        constructor: EsimflyTransportError,
        code,
      })
      expect(calls).toHaveLength(1)
    }
  })

  it("refuses both identifiers, or a non-integer esimId, before any call", async () => {
    const { client, calls } = makeClient([])
    const both = { iccid: ICCID, esimId: 1 } as unknown as { iccid: string }

    await expect(client.esimStatus(both)).rejects.toMatchObject({ code: "VALIDATION_ERROR" })
    await expect(client.esimStatus({ esimId: 1.5 })).rejects.toMatchObject({ field: "esimId" })
    expect(calls).toHaveLength(0)
  })
})

import { buyEsim } from "./support/after-sale"
import { useSandbox } from "./support/harness"
import { ErrorBody } from "./support/wire"

interface UsageView {
  esim: { iccid: string; order_id: string; package_name: string; status: string }
  data: { total_mb: number; used_mb: number; remaining_mb: number; usage_percentage: number; is_unlimited: boolean }
  validity: { days: number; activated_at: string | null; expires_at: string; is_expired: boolean }
}

interface EsimsBody {
  success: true
  data: {
    esims: (Omit<UsageView, "esim"> & { iccid: string })[]
    pagination: { page: number; limit: number; total: number; total_pages: number }
  }
}

interface LiveStatus {
  iccid: string
  status: string
  last_network: Record<string, unknown> | null
  device: Record<string, unknown> | null
  activation_date: string | null
  data_usage: { used_gb: number; total_gb: number | null; unlimited: boolean }
}

describe("GET /esims, GET /esims/usage/query and POST /esims/status", () => {
  const current = useSandbox()

  it("GET /esims filters by status and pages with limit", async () => {
    const { api, sandbox } = current()
    const bought = [await buyEsim(api), await buyEsim(api), await buyEsim(api)]
    sandbox.installEsim(bought[1].iccid)
    const active = await api.get<EsimsBody>("/esims?status=ACTIVE")
    expect(active.body.data.esims.map((esim) => esim.iccid)).toEqual([bought[1].iccid])
    const page = await api.get<EsimsBody>("/esims?limit=2&page=2")
    expect(page.body.data.esims.map((esim) => esim.iccid)).toEqual([bought[0].iccid])
    expect(page.body.data.pagination).toEqual({ page: 2, limit: 2, total: 3, total_pages: 2 })
    const tooMany = await api.get<ErrorBody>("/esims?limit=101")
    expect(tooMany.body).toMatchObject({ code: "INVALID_PARAMETER", parameter: "limit" })
    expect((await api.get<ErrorBody>("/esims?status=sleeping")).status).toBe(400)
  })

  it("GET /esims lists each eSIM with esims.md's fields at the top level (id, iccid, package_code, status) and its data and validity", async () => {
    const { api, sandbox } = current()
    const bought = await buyEsim(api)
    sandbox.installEsim(bought.iccid)
    sandbox.useData(bought.iccid, 24)
    const listed = await api.get<{ data: { esims: Record<string, unknown>[] } }>("/esims?status=ACTIVE")
    expect(listed.body.data.esims[0]).toMatchObject({
      id: expect.any(Number),
      iccid: bought.iccid,
      package_name: expect.any(String),
      package_code: expect.any(String),
      countries: expect.arrayContaining([expect.any(String)]),
      status: "ACTIVE",
      data: { used_mb: 24, is_unlimited: false },
      validity: { activated_at: expect.any(String), is_expired: false },
      created_at: expect.any(String),
    })
  })

  it("GET /esims/usage/query answers in MB by iccid or order_id", async () => {
    const { api, sandbox } = current()
    const { iccid, orderReference } = await buyEsim(api)
    sandbox.installEsim(iccid)
    sandbox.useData(iccid, 256)
    const byIccid = await api.get<{ success: true; data: UsageView }>(`/esims/usage/query?iccid=${iccid}`)
    expect(byIccid.body.data).toEqual({
      esim: { iccid, order_id: orderReference, package_name: expect.any(String), status: "ACTIVE" },
      data: { total_mb: 1024, used_mb: 256, remaining_mb: 768, usage_percentage: 25, is_unlimited: false },
      validity: { days: 7, activated_at: expect.any(String), expires_at: expect.any(String), is_expired: false },
    })
    const byOrder = await api.get<{ data: UsageView }>(`/esims/usage/query?order_id=${orderReference}`)
    expect(byOrder.body.data).toEqual(byIccid.body.data)
  })

  it("GET /esims/usage/query errors carry no code", async () => {
    const { api } = current()
    const neither = await api.get<ErrorBody>("/esims/usage/query")
    expect(neither.status).toBe(400)
    expect(neither.body).toEqual({ error: "Bad Request", message: expect.any(String) })
    const both = await api.get<ErrorBody>("/esims/usage/query?iccid=1&order_id=2")
    expect(both.status).toBe(400)
    const unknown = await api.get<ErrorBody>("/esims/usage/query?iccid=8988000000000000000")
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ error: "Not Found", message: expect.any(String) })
  })

  it("POST /esims/status answers in GB, with network and device null until installed", async () => {
    const { api, sandbox } = current()
    const { iccid, esimId } = await buyEsim(api)
    const before = await api.post<{ data: LiveStatus }>("/esims/status", { iccid })
    expect(before.body.data).toMatchObject({
      iccid,
      status: "NEW",
      last_network: null,
      device: null,
      activation_date: null,
      data_usage: { used_gb: 0, total_gb: 1, unlimited: false },
    })
    sandbox.installEsim(iccid)
    sandbox.useData(iccid, 512)
    const after = await api.post<{ data: LiveStatus }>("/esims/status", { esimId })
    expect(after.body.data).toMatchObject({ iccid, status: "ACTIVE", data_usage: { used_gb: 0.5, total_gb: 1 } })
    expect(after.body.data.last_network).toMatchObject({ country_iso2: "TR" })
    expect(after.body.data.device).not.toBeNull()
  })

  it("POST /esims/status answers MISSING_IDENTIFIER and ESIM_NOT_FOUND", async () => {
    const { api } = current()
    const missing = await api.post<ErrorBody>("/esims/status", {})
    expect([missing.status, missing.body.code]).toEqual([400, "MISSING_IDENTIFIER"])
    const unknown = await api.post<ErrorBody>("/esims/status", { iccid: "8988000000000000000" })
    expect([unknown.status, unknown.body.code]).toEqual([404, "ESIM_NOT_FOUND"])
  })

  it("logs every after-sale call in the ledger's requests", async () => {
    const { api, sandbox } = current()
    const { iccid } = await buyEsim(api)
    await api.get(`/esims/usage/query?iccid=${iccid}`)
    await api.post("/esims/status", { iccid })
    await api.get("/esims")
    const paths = sandbox.ledger().requests.map((request) => `${request.method} ${request.path}`)
    expect(paths).toEqual([
      "POST /api/v1/business/esims/order",
      "GET /api/v1/business/esims/usage/query",
      "POST /api/v1/business/esims/status",
      "GET /api/v1/business/esims",
    ])
  })
})

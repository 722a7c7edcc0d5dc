import { buyEsim } from "./support/after-sale"
import { useSandbox } from "./support/harness"
import { BalanceBody, ErrorBody } from "./support/wire"

interface TopupPackagesBody {
  success: true
  data: {
    packages: Array<{
      package_code: string
      data_amount_gb: number
      cost: number
      features: { is_rechargeable: boolean }
    }>
    pagination: { page: number; limit: number; total: number; total_pages: number }
  }
}

interface TopupOrderBody {
  success: true
  orderReference: string
  iccid: string
  newBalance: number
  amount: number
  status: string
  esimData: { newTotalVolumeGB: number; newRemainingVolumeGB: number; expiredTime: string }
}

describe("GET /topup/packages and POST /topup/order", () => {
  const current = useSandbox(() => ({ now: () => Date.parse("2026-02-06T23:27:00.000Z") }))

  async function activeEsim(packageCode = "TR-1GB-7D") {
    const { api, sandbox } = current()
    const esim = await buyEsim(api, packageCode)
    sandbox.installEsim(esim.iccid)
    return esim
  }

  it("lists the eSIM's rechargeable options of its own market", async () => {
    const { api } = current()
    const { iccid } = await activeEsim()
    const all = await api.get<TopupPackagesBody>(`/topup/packages?iccid=${iccid}`)
    const codes = all.body.data.packages.map((pkg) => pkg.package_code)
    expect(codes).toEqual(expect.arrayContaining(["TR-1GB-7D", "TR-3GB-15D", "TR-10GB-30D", "merhaba-15days-2gb"]))
    expect(codes).not.toContain("TR-UNL-7D")
    expect(codes.filter((code) => code.startsWith("EU-"))).toEqual([])
    const one = all.body.data.packages.find((pkg) => pkg.package_code === "TR-1GB-7D")
    expect(one).toMatchObject({ data_amount_gb: 1, cost: 2.72, features: { is_rechargeable: true } })
    const reply = await api.get<TopupPackagesBody>(`/topup/packages?iccid=${iccid}&limit=2`)
    expect(reply.body.data.packages).toHaveLength(2)
    expect(reply.body.data.pagination).toMatchObject({ page: 1, limit: 2, total: codes.length })
  })

  it("GET /topup/packages answers MISSING_ICCID, ESIM_ACCESS_DENIED and ESIM_NOT_TOPPABLE", async () => {
    const { api, sandbox } = current()
    const missing = await api.get<ErrorBody>("/topup/packages")
    expect([missing.status, missing.body.code]).toEqual([400, "MISSING_ICCID"])
    const unknown = await api.get<ErrorBody>("/topup/packages?iccid=8988000000000000000")
    expect([unknown.status, unknown.body.code]).toEqual([403, "ESIM_ACCESS_DENIED"])
    const partner = await buyEsim(api, "TR1GB7D")
    const newPartner = await api.get<ErrorBody>(`/topup/packages?iccid=${partner.iccid}`)
    expect([newPartner.status, newPartner.body.code]).toEqual([400, "ESIM_NOT_TOPPABLE"])
    const network = await buyEsim(api)
    expect((await api.get(`/topup/packages?iccid=${network.iccid}`)).status).toBe(200)
    sandbox.expireEsim(network.iccid)
    const expiredUnused = await api.get<ErrorBody>(`/topup/packages?iccid=${network.iccid}`)
    expect(expiredUnused.body.code).toBe("ESIM_NOT_TOPPABLE")
  })

  it("a top-up charges the balance once and grows the eSIM's total", async () => {
    const { api, sandbox } = current()
    const { iccid } = await activeEsim()
    sandbox.useData(iccid, 1000)
    const reply = await api.post<TopupOrderBody>("/topup/order", { iccid, packageCode: "TR-3GB-15D", quantity: 2 })
    expect(reply.body).toMatchObject({
      success: true,
      orderReference: expect.stringMatching(/^topup_/),
      iccid,
      status: "completed",
      amount: 13.06,
      newBalance: 984.22,
      currency: "USD",
      esimData: { newTotalVolumeGB: 7, newRemainingVolumeGB: 6.023, expiredTime: "March 15, 2026 at 11:27 PM" },
    })
    expect((await api.get<BalanceBody>("/balance")).body.data.balance).toBe(984.22)
    const usage = await api.get<{ data: { data: { total_mb: number } } }>(`/esims/usage/query?iccid=${iccid}`)
    expect(usage.body.data.data.total_mb).toBe(7 * 1024)
    expect(sandbox.ledger().topups).toEqual([
      expect.objectContaining({ iccid, packageCode: "TR-3GB-15D", quantity: 2, amount: 13.06, addedMb: 6144 }),
    ])
  })

  it("a top-up brings a DEPLETED eSIM back to ACTIVE", async () => {
    const { api, sandbox } = current()
    const { iccid } = await activeEsim()
    sandbox.depleteEsim(iccid)
    await api.post("/topup/order", { iccid, packageCode: "TR-1GB-7D" })
    expect(sandbox.useData(iccid, 10)).toMatchObject({ esim: { status: "ACTIVE" }, data: { remaining_mb: 1014 } })
  })

  it("a reply dropped after the commit leaves exactly one top-up charged", async () => {
    const { api, sandbox } = current()
    const { iccid } = await activeEsim()
    sandbox.faults.dropReplyNext({ path: "/topup/order", method: "POST" })
    await expect(api.post("/topup/order", { iccid, packageCode: "TR-1GB-7D" })).rejects.toThrow("fetch failed")
    const ledger = sandbox.ledger()
    expect(ledger.topups).toHaveLength(1)
    expect(ledger.balance).toBe(1000 - 2.72 - 2.72)
    expect(ledger.requests.at(-1)).toMatchObject({
      path: "/api/v1/business/topup/order",
      status: 200,
      outcome: "dropped",
    })
  })

  it("POST /topup/order answers its documented errors and charges nothing", async () => {
    const { api, sandbox } = current()
    const { iccid } = await activeEsim()
    const unlimited = await activeEsim("TR-UNL-7D")
    const unused = await buyEsim(api)
    sandbox.expireEsim(unused.iccid)
    const before = sandbox.ledger().balance
    const order = (body: unknown) => api.post<ErrorBody>("/topup/order", body)
    const codes = async (body: unknown) => (await order(body)).body.code
    expect(await codes({ iccid })).toBe("MISSING_FIELDS")
    expect(await codes({ iccid: "8988000000000000000", packageCode: "TR-1GB-7D" })).toBe("ESIM_NOT_FOUND")
    expect(await codes({ iccid, packageCode: "EU-5GB-30D" })).toBe("INVALID_TOPUP_PACKAGE")
    expect(await codes({ iccid: unlimited.iccid, packageCode: "TR-UNL-7D" })).toBe("TOPUP_NOT_SUPPORTED")
    expect(await codes({ iccid: unused.iccid, packageCode: "TR-1GB-7D" })).toBe("ESIM_NOT_TOPPABLE")
    expect(sandbox.ledger().balance).toBe(before)
    sandbox.setBalance(1)
    const poor = await order({ iccid, packageCode: "TR-1GB-7D" })
    expect(poor.body).toMatchObject({ code: "INSUFFICIENT_BALANCE", message: expect.stringMatching(/1 USD.*2.72 USD/) })
    expect(sandbox.ledger()).toMatchObject({ topups: [], balance: 1 })
  })

  it("a NEW eSIMfly-network eSIM may be topped up, and the answer's expiredTime is its install deadline", async () => {
    const { api } = current()
    const { iccid } = await buyEsim(api)
    const reply = await api.post<TopupOrderBody>("/topup/order", { iccid, packageCode: "TR-1GB-7D" })
    expect(reply.status).toBe(200)
    expect(reply.body.esimData).toEqual({
      newTotalVolumeGB: 2,
      newRemainingVolumeGB: 2,
      expiredTime: "August 5, 2026 at 11:27 PM",
    })
  })
})

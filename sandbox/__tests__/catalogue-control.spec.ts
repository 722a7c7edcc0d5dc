import { startSandbox, useSandbox } from "./support/harness"
import { CreateOrderBody, ErrorBody, PackageBody, PackagesBody } from "./support/wire"

describe("changing the catalogue at run time", () => {
  const current = useSandbox()

  async function listed(code: string): Promise<PackageBody | undefined> {
    const reply = await current().api.get<PackagesBody>(`/esims/packages?limit=100&search=${code}`)
    return reply.body.data.packages.find((pkg) => pkg.package_code === code)
  }

  it("setPackageCost changes the listed cost and what an order charges", async () => {
    const { sandbox, api } = current()
    sandbox.setPackageCost("TR-1GB-7D", 3.1)
    expect((await listed("TR-1GB-7D"))?.cost).toBe(3.1)
    expect(sandbox.packages().find((pkg) => pkg.package_code === "TR-1GB-7D")?.cost).toBe(3.1)
    const order = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D" })
    expect(order.body.amount).toBe(3.1)
  })

  it("removePackage takes a package off the list and off sale", async () => {
    const { sandbox, api } = current()
    const total = sandbox.packages().length
    sandbox.removePackage("TR-3GB-15D")
    expect(await listed("TR-3GB-15D")).toBeUndefined()
    expect(sandbox.packages()).toHaveLength(total - 1)
    const order = await api.post<ErrorBody>("/esims/order", { packageCode: "TR-3GB-15D" })
    expect(order.status).toBe(400)
    expect(order.body.code).toBe("INVALID_PACKAGE")
  })

  it("still answers the status of an order placed before its package was removed", async () => {
    const { sandbox, api } = current()
    const order = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-3GB-15D" })
    sandbox.removePackage("TR-3GB-15D")
    const status = await api.get<{ order: { status: string } }>(
      `/esims/order?orderReference=${order.body.orderReference}`
    )
    expect(status.status).toBe(200)
    expect(status.body.order.status).toBe("completed")
  })

  it("reset() restores the catalogue", async () => {
    const { sandbox } = current()
    const total = sandbox.packages().length
    sandbox.setPackageCost("TR-1GB-7D", 9)
    sandbox.removePackage("JP-1GB-7D")
    sandbox.reset()
    expect(sandbox.packages()).toHaveLength(total)
    expect((await listed("TR-1GB-7D"))?.cost).toBe(2.72)
  })

  it("refuses unknown codes and nonsense costs", () => {
    const { sandbox } = current()
    expect(() => sandbox.setPackageCost("XX-NOPE", 1)).toThrow(/no package with code XX-NOPE/)
    expect(() => sandbox.setPackageCost("TR-1GB-7D", -1)).toThrow(/cost/)
    expect(() => sandbox.removePackage("XX-NOPE")).toThrow(/XX-NOPE/)
  })

  it("POST /__sandbox/packages sets costs and removes packages", async () => {
    const { control, sandbox } = current()
    const total = sandbox.packages().length
    const reply = await control<{ total: number; changed: PackageBody[] }>("/packages", {
      setCost: { "TR-1GB-7D": 3.5 },
      remove: ["JP-1GB-7D"],
    })
    expect(reply.status).toBe(200)
    expect(reply.body.total).toBe(total - 1)
    expect(reply.body.changed).toEqual([expect.objectContaining({ package_code: "TR-1GB-7D", cost: 3.5 })])
    const bad = await control<{ error: string }>("/packages", { drop: "TR-1GB-7D" })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toContain("drop")
  })

  it("keeps an IQD cost exact", async () => {
    const harness = await startSandbox({ currency: "IQD" })
    try {
      harness.sandbox.setPackageCost("TR-1GB-7D", 4001)
      expect(harness.sandbox.packages().find((pkg) => pkg.package_code === "TR-1GB-7D")?.cost).toBe(4001)
    } finally {
      await harness.sandbox.close()
    }
  })
})

describe("faults matched by query string", () => {
  const current = useSandbox()

  it("fails only the page named by `query` (or by a query in `path`), whatever else the URL carries", async () => {
    const { sandbox, api } = current()
    sandbox.faults.failNext({ status: 500, path: "/esims/packages", query: { page: 2 }, count: 2 })
    sandbox.faults.failNext({ status: 503, path: "/esims/packages?page=3" })
    expect((await api.get("/esims/packages?page=1&limit=10")).status).toBe(200)
    expect((await api.get("/esims/packages?limit=10&page=2")).status).toBe(500)
    expect((await api.get("/esims/packages?page=3&limit=10")).status).toBe(503)
    expect((await api.get("/esims/packages?page=2&limit=10")).status).toBe(500)
    expect((await api.get("/esims/packages?page=2&limit=10")).status).toBe(200)
    expect(sandbox.faults.snapshot().failNext).toEqual([])
  })

  it("without a query, matches the path whatever the query string", async () => {
    const { sandbox, api } = current()
    sandbox.faults.failNext({ status: 500, path: "/esims/packages" })
    expect((await api.get("/esims/packages?page=4&limit=5")).status).toBe(500)
  })

  it("refuses a query that is not an object of strings", () => {
    const { faults } = current().sandbox
    expect(() => faults.failNext({ status: 500, query: ["page"] as unknown as Record<string, string> })).toThrow(
      /query/
    )
  })
})

import { startSandbox, useSandbox } from "./support/harness"
import { ErrorBody, PackageBody, PackagesBody } from "./support/wire"

describe("GET /esims/packages", () => {
  const current = useSandbox()

  async function list(query = ""): Promise<PackagesBody["data"]> {
    const reply = await current().api.get<PackagesBody>(`/esims/packages${query}`)
    expect(reply.status).toBe(200)
    return reply.body.data
  }

  async function all(query = ""): Promise<PackageBody[]> {
    const data = await list(`?limit=100${query}`)
    const packages = [...data.packages]
    for (let page = 2; page <= data.pagination.totalPages; page++) {
      packages.push(...(await list(`?limit=100&page=${page}${query}`)).packages)
    }
    return packages
  }

  it("offers at least 50 packages, 50 per page by default, with camelCase totalPages", async () => {
    const data = await list()
    expect(data.pagination.total).toBeGreaterThanOrEqual(50)
    expect(data.packages).toHaveLength(50)
    expect(data.pagination).toEqual({
      page: 1,
      limit: 50,
      total: data.pagination.total,
      totalPages: Math.ceil(data.pagination.total / 50),
    })
    const codes = (await all()).map((pkg) => pkg.package_code)
    expect(codes).toHaveLength(data.pagination.total)
    expect(new Set(codes).size).toBe(codes.length)
    const documented = ["TR1GB7D", "merhaba-7days-1gb", "merhaba-15days-2gb", "europe-5gb-30days"]
    const generated = ["TR-1GB-7D", "EU-5GB-30D", "GLOBAL-3GB-30D"]
    expect(codes).toEqual(expect.arrayContaining([...documented, ...generated]))
  })

  it("pages without overlap", async () => {
    const first = await list("?limit=10&page=1")
    const second = await list("?limit=10&page=2")
    expect(first.pagination.totalPages).toBe(Math.ceil(first.pagination.total / 10))
    const firstCodes = first.packages.map((pkg) => pkg.package_code)
    expect(second.packages.filter((pkg) => firstCodes.includes(pkg.package_code))).toEqual([])
  })

  it("describes each package with the documented fields", async () => {
    const [turkey] = (await all("&search=TR-1GB-7D")).filter((pkg) => pkg.package_code === "TR-1GB-7D")
    expect(turkey).toEqual({
      package_code: "TR-1GB-7D",
      name: "Turkey 1GB 7Days",
      region: "Turkey",
      type: "local",
      data_amount_gb: 1,
      validity_days: 7,
      cost: 2.72,
      currency: "USD",
      features: { voice_minutes: 0, sms_count: 0, is_rechargeable: true },
      is_unlimited: false,
      has_voice: false,
      has_sms: false,
      locationNetworkList: [
        {
          locationName: "Turkey",
          locationLogo: "/images/flags/tr.png",
          operatorList: expect.arrayContaining([{ operatorName: "Turkcell", networkType: "4G" }]),
        },
      ],
      countries: ["TR"],
    })
  })

  it.each(["local", "regional", "global"])("filters by type=%s", async (type) => {
    const packages = await all(`&type=${type}`)
    expect(packages.length).toBeGreaterThan(0)
    expect(packages.every((pkg) => pkg.type === type)).toBe(true)
  })

  it("has a 39-country Europe package and filters by country", async () => {
    const europe = (await all("&type=regional")).find((pkg) => pkg.package_code === "EU-5GB-30D")
    expect(europe?.countries).toHaveLength(39)
    expect(europe?.locationNetworkList).toHaveLength(39)
    const france = await all("&country=fr")
    expect(france.every((pkg) => pkg.countries.includes("FR"))).toBe(true)
    expect(new Set(france.map((pkg) => pkg.type))).toEqual(new Set(["local", "regional", "global"]))
  })

  it("searches names, codes and regions case-insensitively", async () => {
    const japan = await all("&search=JAPAN")
    expect(japan.length).toBeGreaterThanOrEqual(5)
    expect(japan.every((pkg) => pkg.name.includes("Japan"))).toBe(true)
  })

  it("marks unlimited packages", async () => {
    const unlimited = (await all()).filter((pkg) => pkg.is_unlimited)
    expect(unlimited.length).toBeGreaterThan(0)
    expect(unlimited.every((pkg) => pkg.name.includes("Unlimited"))).toBe(true)
  })

  it("prices plausibly in USD", async () => {
    const costs = (await all()).map((pkg) => pkg.cost)
    expect(Math.min(...costs)).toBeGreaterThanOrEqual(0.99)
    expect(Math.max(...costs)).toBeLessThanOrEqual(60)
    expect(costs.every((cost) => Math.abs(cost * 100 - Math.round(cost * 100)) < 1e-9)).toBe(true)
  })

  it.each([
    ["limit", "101"],
    ["limit", "0"],
    ["page", "0"],
    ["type", "continental"],
    ["country", "FRA"],
  ])("rejects %s=%s with INVALID_PARAMETER", async (parameter, value) => {
    const reply = await current().api.get<ErrorBody>(`/esims/packages?${parameter}=${value}`)
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ code: "INVALID_PARAMETER", parameter })
  })
})

describe("GET /esims/packages on an IQD account", () => {
  it("prices every package in whole dinars at 1310 per dollar", async () => {
    const usd = await startSandbox()
    const iqd = await startSandbox({ currency: "IQD" })
    try {
      const [dollars, dinars] = await Promise.all([
        usd.api.get<PackagesBody>("/esims/packages?limit=100"),
        iqd.api.get<PackagesBody>("/esims/packages?limit=100"),
      ])
      dinars.body.data.packages.forEach((pkg, index) => {
        expect(pkg.currency).toBe("IQD")
        const cents = Math.round(dollars.body.data.packages[index].cost * 100)
        expect(pkg.cost).toBe(Math.round((cents * 1310) / 100))
      })
    } finally {
      await Promise.all([usd.sandbox.close(), iqd.sandbox.close()])
    }
  })
})

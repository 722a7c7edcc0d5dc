import { ListPackagesParams, Package, PackagePage } from "../../../lib/esimfly"
import { deactivationVerdict, readCatalogue } from "../read"
import { catalogueWalks } from "../scope"
import { packageRead } from "../../../lib/esimfly/__tests__/support/wire-samples"

const pkg = (packageCode: string, countries = ["TR"]): Package => ({
  ...packageRead,
  packageCode,
  name: packageCode,
  countries,
})

/** A catalogue of `total` packages served `limit` at a time; pages in `failing` throw. */
function fakeReader(total: number, failing: number[] = []) {
  const calls: ListPackagesParams[] = []
  const read = async (params: ListPackagesParams): Promise<PackagePage> => {
    calls.push(params)
    const page = params.page ?? 1
    if (failing.includes(page)) {
      throw new Error(`page ${page} is down`)
    }
    const limit = params.limit ?? 100
    const codes = Array.from({ length: total }, (_, i) => `P${i + 1}`).slice((page - 1) * limit, page * limit)
    return {
      packages: codes.map((code) => pkg(code)),
      pagination: { page, limit, total, totalPages: Math.ceil(total / limit) },
    }
  }
  return { read, calls }
}

describe("readCatalogue", () => {
  it("reads every page and reports each one", async () => {
    const { read, calls } = fakeReader(7)
    const seen: number[] = []
    const result = await readCatalogue(read, [{}], {}, 3, (progress) => seen.push(progress.pages_read))
    expect(result.packages.map((p) => p.package_code)).toEqual(["P1", "P2", "P3", "P4", "P5", "P6", "P7"])
    expect(result).toMatchObject({ pages_read: 3, total_pages: 3, failed_pages: [] })
    expect(calls.map((call) => call.page)).toEqual([1, 2, 3])
    expect(seen).toEqual([1, 2, 3])
    expect(deactivationVerdict(result)).toEqual({ allowed: true, reason: null })
  })

  it("records a failed page, reads the pages after it, and forbids deactivation", async () => {
    const { read } = fakeReader(7, [2])
    const result = await readCatalogue(read, [{}], {}, 3)
    expect(result.packages.map((p) => p.package_code)).toEqual(["P1", "P2", "P3", "P7"])
    expect(result.failed_pages).toEqual([{ page: 2, type: null, country: null, message: "page 2 is down" }])
    expect(deactivationVerdict(result)).toEqual({
      allowed: false,
      reason: "page(s) 2 could not be read, so packages missing from this run may only be unseen",
    })
  })

  it("stops a walk whose first page failed: its page count is unknown", async () => {
    const { read, calls } = fakeReader(7, [1])
    const result = await readCatalogue(read, [{}], {}, 3)
    expect(calls).toHaveLength(1)
    expect(result).toMatchObject({ pages_read: 0, packages: [], failed_pages: [expect.objectContaining({ page: 1 })] })
  })

  it("walks each type and country once and keeps each package once", async () => {
    const { read, calls } = fakeReader(2)
    const walks = catalogueWalks({ types: ["local", "regional"], countries: ["TR", "DE"] })
    expect(walks).toEqual([
      { type: "local", country: "TR" },
      { type: "local", country: "DE" },
      { type: "regional", country: "TR" },
      { type: "regional", country: "DE" },
    ])
    const result = await readCatalogue(read, walks, {}, 100)
    expect(calls).toHaveLength(4)
    expect(result.packages).toHaveLength(2)
  })

  it("filters regions and codes locally, and trusts no empty read", async () => {
    const { read } = fakeReader(5)
    const result = await readCatalogue(read, [{}], { package_codes: ["P2", "P4"] }, 100)
    expect(result.packages.map((p) => p.package_code)).toEqual(["P2", "P4"])
    const none = await readCatalogue(read, [{}], { regions: ["Europe"] }, 100)
    expect(deactivationVerdict(none).allowed).toBe(false)
  })
})

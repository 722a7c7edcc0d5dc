import { EsimflyInvalidRequestError } from "../errors"
import { json, makeClient, raw } from "./fake-fetch"

function page(codes: string[], pageNumber: number, totalPages: number, spelling: "totalPages" | "total_pages") {
  return json({
    success: true,
    data: {
      packages: codes.map((code) => ({ package_code: code })),
      pagination: { page: pageNumber, limit: 2, total: 5, [spelling]: totalPages },
    },
  })
}

describe("iteratePackages", () => {
  it("walks every page", async () => {
    const { client, calls } = makeClient([
      page(["A", "B"], 1, 3, "totalPages"),
      page(["C", "D"], 2, 3, "total_pages"),
      page(["E"], 3, 3, "totalPages"),
    ])

    const codes: string[] = []
    for await (const pkg of client.iteratePackages({ type: "regional", limit: 2 })) {
      codes.push(pkg.packageCode)
    }

    expect(codes).toEqual(["A", "B", "C", "D", "E"])
    expect(calls.map((call) => new URL(call.url).searchParams.get("page"))).toEqual(["1", "2", "3"])
    expect(calls.every((call) => new URL(call.url).searchParams.get("type") === "regional")).toBe(true)
  })

  it("asks for the documented maximum page size by default", async () => {
    const { client, calls } = makeClient([page([], 1, 0, "totalPages")])

    for await (const pkg of client.iteratePackages()) {
      expect(pkg).toBeUndefined()
    }

    expect(new URL(calls[0]!.url).searchParams.get("limit")).toBe("100")
  })

  it("throws when a page fails instead of ending early", async () => {
    const { client } = makeClient([page(["A", "B"], 1, 2, "totalPages"), json({ success: false, error: "boom" }, 400)])

    const seen: string[] = []
    const walk = async () => {
      for await (const pkg of client.iteratePackages({ limit: 2 })) {
        seen.push(pkg.packageCode)
      }
    }

    await expect(walk()).rejects.toBeInstanceOf(EsimflyInvalidRequestError)
    expect(seen).toEqual(["A", "B"])
  })
})

describe("rate-limit state", () => {
  const NOW = Date.UTC(2026, 0, 1, 12, 0, 0)

  it("is null before any response", () => {
    expect(makeClient([]).client.rateLimit).toBeNull()
  })

  it("exposes the last X-RateLimit-* headers seen, on success and on error", async () => {
    const headers = (remaining: number) => ({
      "X-RateLimit-Limit": "1000",
      "X-RateLimit-Remaining": String(remaining),
      "X-RateLimit-Reset": String(NOW / 1000 + 3600),
    })
    const { client } = makeClient(
      [
        json({ success: true, data: { balance: 1, currency: "USD" } }, 200, headers(999)),
        json({ success: false, code: "INVALID_PACKAGE", message: "x" }, 400, headers(998)),
      ],
      { now: () => NOW }
    )

    await client.getBalance()
    expect(client.rateLimit).toEqual({ limit: 1000, remaining: 999, resetAt: new Date(NOW + 3600000) })

    await client.createOrder({ packageCode: "X" }).catch(() => undefined)
    expect(client.rateLimit).toEqual({ limit: 1000, remaining: 998, resetAt: new Date(NOW + 3600000) })
  })

  it("keeps the last state when a response carries no headers", async () => {
    const { client } = makeClient(
      [
        raw('{"success":true,"data":{"balance":1,"currency":"USD"}}', 200, {
          "X-RateLimit-Limit": "100",
          "X-RateLimit-Remaining": "5",
          "X-RateLimit-Reset": "30",
        }),
        json({ success: true, data: { balance: 1, currency: "USD" } }),
      ],
      { now: () => NOW }
    )

    await client.getBalance()
    await client.getBalance()

    expect(client.rateLimit).toEqual({ limit: 100, remaining: 5, resetAt: new Date(NOW + 30000) })
  })
})

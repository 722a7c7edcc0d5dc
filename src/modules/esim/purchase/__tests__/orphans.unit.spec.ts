import { OrderSummary } from "../../../../lib/esimfly"
import { findOrphans } from "../orphans"

const order = (reference: string, packageCode: string, createdAt: string): OrderSummary => ({
  id: null,
  orderReference: reference,
  packageName: null,
  packageCode,
  amount: 1,
  currency: "USD",
  status: "completed",
  flagUrl: null,
  createdAt,
})

describe("findOrphans", () => {
  const history = [
    order("A", "TR1GB7D", "2026-11-25T10:00:00Z"),
    order("B", "TR1GB7D", "2026-11-25T12:00:00Z"),
    order("C", "EU", "2026-11-25T10:01:00Z"),
  ]

  it("keeps only the orders no eSIM order claims", () => {
    expect(findOrphans(history, new Set(["A", "C"]), []).map((o) => o.orderReference)).toEqual(["B"])
  })

  it("names unsettled eSIM orders of the same package within the match window", () => {
    const unsettled = [
      { id: "near", package_code: "TR1GB7D", last_attempt_at: "2026-11-25T10:05:00Z" },
      { id: "far", package_code: "TR1GB7D", last_attempt_at: "2026-11-25T10:30:00Z" },
      { id: "other-package", package_code: "EU", last_attempt_at: "2026-11-25T09:55:00Z" },
      { id: "never-tried", package_code: "TR1GB7D", last_attempt_at: null },
    ]
    const orphans = findOrphans(history, new Set(), unsettled)
    expect(orphans.map((o) => [o.orderReference, o.possibleEsimOrderIds])).toEqual([
      ["A", ["near"]],
      ["B", []],
      ["C", ["other-package"]],
    ])
  })

  it("matches nothing to an order without a readable date", () => {
    const [orphan] = findOrphans([order("D", "TR1GB7D", "garbage")], new Set(), [
      { id: "x", package_code: "TR1GB7D", last_attempt_at: new Date() },
    ])
    expect(orphan.possibleEsimOrderIds).toEqual([])
  })
})

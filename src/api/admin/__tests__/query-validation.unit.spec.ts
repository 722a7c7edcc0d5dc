import { MedusaNextFunction, MedusaRequest, MedusaResponse, validateAndTransformQuery } from "@medusajs/framework/http"
import { listOrdersParamsSchema } from "../../../lib/esimfly/inputs"
import { AdminListEsimOrders } from "../esim-orders/validators"
import { AdminGetEsimflyOrders, AdminGetEsimflyOrphans, AdminGetEsimflyProfit } from "../esimfly/validators"

type QuerySchema = Parameters<typeof validateAndTransformQuery>[0]

type Refusal = { type: string; message: string }

/** Runs Medusa's own query middleware, as the route does: the refusal (invalid_data answers 400), or the validated query. */
async function validate(schema: QuerySchema, query: Record<string, string>) {
  const req = { query, allowed: [] } as unknown as MedusaRequest
  let refusal: Refusal | undefined
  const next: MedusaNextFunction = (error?: unknown) => {
    refusal = error as Refusal | undefined
  }
  await validateAndTransformQuery(schema, {})(req, {} as MedusaResponse, next)
  return refusal ? { refusal: { type: refusal.type, message: refusal.message } } : { query: req.validatedQuery }
}

const refusalNaming = (field: string) => ({ type: "invalid_data", message: expect.stringContaining(`'${field}'`) })

describe("query of /admin/esimfly/orders", () => {
  it.each(["from_date", "to_date"])("refuses the impossible date 2026-02-30 in %s, naming the field", async (field) => {
    const { refusal } = await validate(AdminGetEsimflyOrders, { [field]: "2026-02-30" })
    expect(refusal).toEqual(refusalNaming(field))
  })

  it("passes real dates to the esimfly client and refuses, itself, every date the client would refuse", async () => {
    const values = [
      "2026-02-28",
      "2024-02-29",
      "2025-02-29",
      "2026-02-30",
      "2026-04-31",
      "2026-01-31T10:00Z",
      "2026-01-31T10:00:00.5+02:00",
      "2026-01-31T24:00:00Z",
    ]
    const passed: string[] = []
    const refusedByClient: string[] = []
    for (const value of values) {
      const { query } = await validate(AdminGetEsimflyOrders, { from_date: value })
      if (query) passed.push(value)
      if (query && !listOrdersParamsSchema.safeParse({ fromDate: query.from_date }).success) refusedByClient.push(value)
    }
    expect(passed).toEqual(
      expect.arrayContaining(["2026-02-28", "2024-02-29", "2026-01-31T10:00Z", "2026-01-31T10:00:00.5+02:00"])
    )
    expect(refusedByClient).toEqual([])
  })
})

describe("dates of /admin/esimfly/profit, /admin/esim-orders and /admin/esimfly/orphans", () => {
  const routes: [string, QuerySchema][] = [
    ["/admin/esimfly/profit", AdminGetEsimflyProfit],
    ["/admin/esim-orders", AdminListEsimOrders],
    ["/admin/esimfly/orphans", AdminGetEsimflyOrphans],
  ]
  // Each impossible date comes with a real partner that makes a valid window (orphans refuses windows over 93 days).
  const partner: Record<string, Record<string, string>> = {
    from_date: { to_date: "2026-05-05" },
    to_date: { from_date: "2026-02-20" },
  }
  const cases = routes.flatMap(([path, schema]) =>
    ["from_date", "to_date"].flatMap((field) =>
      ["2026-02-30", "2026-04-31", "2026-02-29"].map((value) => ({ path, schema, field, value }))
    )
  )

  it.each(cases)(
    "$path refuses the impossible date $value in $field, naming the field",
    async ({ schema, field, value }) => {
      const { refusal } = await validate(schema, { ...partner[field], [field]: value })
      expect(refusal).toEqual(refusalNaming(field))
    }
  )

  it.each(routes)("%s accepts the real dates 2026-02-28 and 2024-02-29", async (_path, schema) => {
    const { query } = await validate(schema, { from_date: "2024-02-29", to_date: "2024-02-29T12:00:00Z" })
    expect(query).toBeDefined()
    const { query: late } = await validate(schema, { from_date: "2026-02-28", to_date: "2026-02-28T12:00:00Z" })
    expect(late).toBeDefined()
  })
})

describe("unknown query fields", () => {
  it("/admin/esimfly/orphans refuses an unknown field, naming it, as every other route does", async () => {
    const { refusal } = await validate(AdminGetEsimflyOrphans, { foo: "1" })
    expect(refusal).toEqual({ type: "invalid_data", message: "Invalid request: Unrecognized fields: 'foo'" })
  })

  it("/admin/esimfly/profit refuses an unknown field the same way (the behaviour orphans must match)", async () => {
    const { refusal } = await validate(AdminGetEsimflyProfit, { foo: "1" })
    expect(refusal).toEqual({ type: "invalid_data", message: "Invalid request: Unrecognized fields: 'foo'" })
  })
})

describe("paging of /admin/esim-orders", () => {
  it.each(["offset", "limit"].flatMap((field) => ["", " "].map((value) => ({ field, value }))))(
    'refuses $field="$value" (blank) with a 400 naming the field',
    async ({ field, value }) => {
      const { refusal } = await validate(AdminListEsimOrders, { [field]: value })
      expect(refusal).toEqual(refusalNaming(field))
    }
  )

  it("reads written-out numbers and defaults the missing ones to limit 20, offset 0", async () => {
    expect((await validate(AdminListEsimOrders, { limit: "5", offset: "10" })).query).toEqual({ limit: 5, offset: 10 })
    expect((await validate(AdminListEsimOrders, {})).query).toEqual({ limit: 20, offset: 0 })
  })
})

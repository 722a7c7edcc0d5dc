import { MedusaNextFunction, MedusaRequest, MedusaResponse, validateAndTransformQuery } from "@medusajs/framework/http"
import { listOrdersParamsSchema } from "../../../lib/esimfly/inputs"
import { AdminListEsimOrders } from "../esim-orders/validators"
import { AdminGetEsimflyOrders } from "../esimfly/validators"

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
    const values = ["2026-02-28", "2024-02-29", "2025-02-29", "2026-02-30", "2026-04-31", "2026-01-31T10:00Z", "2026-01-31T10:00:00.5+02:00", "2026-01-31T24:00:00Z"]
    const passed: string[] = []
    const refusedByClient: string[] = []
    for (const value of values) {
      const { query } = await validate(AdminGetEsimflyOrders, { from_date: value })
      if (query) passed.push(value)
      if (query && !listOrdersParamsSchema.safeParse({ fromDate: query.from_date }).success) refusedByClient.push(value)
    }
    expect(passed).toEqual(expect.arrayContaining(["2026-02-28", "2024-02-29", "2026-01-31T10:00Z", "2026-01-31T10:00:00.5+02:00"]))
    expect(refusedByClient).toEqual([])
  })
})

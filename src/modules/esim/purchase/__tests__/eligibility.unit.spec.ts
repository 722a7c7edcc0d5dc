import { parseEsimModuleOptions } from "../../options"
import { EligibilityOrder, purchaseEligibility } from "../eligibility"

const at = new Date("2026-12-03T10:00:00.000Z")
const authorized = { status: "authorized", payments: [{ captured_at: null, canceled_at: null }] }
const captured = { status: "completed", payments: [{ captured_at: at, canceled_at: null }] }
const voided = { status: "authorized", payments: [{ captured_at: null, canceled_at: at }] }
const order = (overrides: EligibilityOrder = {}): EligibilityOrder => ({
  status: "pending",
  is_draft_order: false,
  payment_collections: [authorized],
  ...overrides,
})

const eligible = { eligible: true }
const ineligible = (reason: string) => ({ eligible: false, reason })

describe("purchaseEligibility", () => {
  it.each([
    ["an authorized, placed order", "placed", eligible, order()],
    ["an authorized, placed order", "captured", ineligible("awaiting_capture"), order()],
    ["a captured order", "placed", eligible, order({ payment_collections: [captured] })],
    ["a captured order", "captured", eligible, order({ payment_collections: [captured] })],
    ["a completed order", "captured", eligible, order({ status: "completed", payment_collections: [captured] })],
    ["an order whose action is required", "placed", eligible, order({ status: "requires_action" })],
    [
      "a paid collection whose payment row lags",
      "captured",
      eligible,
      order({ payment_collections: [{ status: "completed", payments: [] }] }),
    ],
    [
      "a payment captured before its collection was updated",
      "captured",
      eligible,
      order({ payment_collections: [{ status: "authorized", payments: [{ captured_at: at }] }] }),
    ],
    ["an order without payment (created by hand)", "placed", eligible, order({ payment_collections: [] })],
    [
      "an order without payment (created by hand)",
      "captured",
      ineligible("awaiting_capture"),
      order({ payment_collections: null }),
    ],
    [
      "a draft order",
      "placed",
      ineligible("draft"),
      order({ status: "draft", is_draft_order: true, payment_collections: [] }),
    ],
    ["a draft flag on a pending status", "placed", ineligible("draft"), order({ is_draft_order: true })],
    [
      "a draft status without the flag",
      "placed",
      ineligible("draft"),
      order({ status: "draft", is_draft_order: null }),
    ],
    [
      "a captured draft order",
      "captured",
      ineligible("draft"),
      order({ status: "draft", is_draft_order: true, payment_collections: [captured] }),
    ],
    [
      "an archived order",
      "placed",
      ineligible("archived"),
      order({ status: "archived", payment_collections: [captured] }),
    ],
    ["a canceled order", "placed", ineligible("canceled"), order({ status: "canceled" })],
    [
      "a canceled, captured order",
      "captured",
      ineligible("canceled"),
      order({ status: "canceled", payment_collections: [captured] }),
    ],
    ["a canceled authorization", "placed", ineligible("payment_canceled"), order({ payment_collections: [voided] })],
    ["a canceled authorization", "captured", ineligible("payment_canceled"), order({ payment_collections: [voided] })],
    [
      "a canceled collection",
      "captured",
      ineligible("payment_canceled"),
      order({ payment_collections: [{ status: "canceled", payments: [] }] }),
    ],
    [
      "a canceled authorization beside a live one",
      "captured",
      ineligible("awaiting_capture"),
      order({ payment_collections: [voided, authorized] }),
    ],
    [
      "a canceled authorization beside a captured one",
      "captured",
      eligible,
      order({ payment_collections: [voided, captured] }),
    ],
    ["a missing order", "placed", ineligible("not_found"), null],
  ] as const)("%s, buying when %s: %j", (_, buyWhen, expected, input) => {
    expect(purchaseEligibility(input, buyWhen)).toEqual(expected)
  })
})

describe("the buyWhen option", () => {
  const connection = { accessCode: "a", secretKey: "s" }

  it("defaults to placed", () => {
    expect(parseEsimModuleOptions(connection).buyWhen).toBe("placed")
  })

  it("accepts captured", () => {
    expect(parseEsimModuleOptions({ ...connection, buyWhen: "captured" }).buyWhen).toBe("captured")
  })

  it("refuses any other value, naming the option", () => {
    expect(() => parseEsimModuleOptions({ ...connection, buyWhen: "paid" })).toThrow(/buyWhen/)
  })
})

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

describe("purchaseEligibility", () => {
  it.each([
    ["an authorized, placed order", "placed", { eligible: true }, order()],
    ["an authorized, placed order", "captured", { eligible: false, reason: "awaiting_capture" }, order()],
    ["a captured order", "placed", { eligible: true }, order({ payment_collections: [captured] })],
    ["a captured order", "captured", { eligible: true }, order({ payment_collections: [captured] })],
    [
      "a completed order",
      "captured",
      { eligible: true },
      order({ status: "completed", payment_collections: [captured] }),
    ],
    ["an order whose action is required", "placed", { eligible: true }, order({ status: "requires_action" })],
    [
      "a paid collection whose payment row lags",
      "captured",
      { eligible: true },
      order({ payment_collections: [{ status: "completed", payments: [] }] }),
    ],
    [
      "a payment captured before its collection was updated",
      "captured",
      { eligible: true },
      order({ payment_collections: [{ status: "authorized", payments: [{ captured_at: at }] }] }),
    ],
    ["an order without payment (created by hand)", "placed", { eligible: true }, order({ payment_collections: [] })],
    [
      "an order without payment (created by hand)",
      "captured",
      { eligible: false, reason: "awaiting_capture" },
      order({ payment_collections: null }),
    ],
    [
      "a draft order",
      "placed",
      { eligible: false, reason: "draft" },
      order({ status: "draft", is_draft_order: true, payment_collections: [] }),
    ],
    [
      "a draft flag on a pending status",
      "placed",
      { eligible: false, reason: "draft" },
      order({ is_draft_order: true }),
    ],
    [
      "a draft status without the flag",
      "placed",
      { eligible: false, reason: "draft" },
      order({ status: "draft", is_draft_order: null }),
    ],
    [
      "a captured draft order",
      "captured",
      { eligible: false, reason: "draft" },
      order({ status: "draft", is_draft_order: true, payment_collections: [captured] }),
    ],
    [
      "an archived order",
      "placed",
      { eligible: false, reason: "archived" },
      order({ status: "archived", payment_collections: [captured] }),
    ],
    ["a canceled order", "placed", { eligible: false, reason: "canceled" }, order({ status: "canceled" })],
    [
      "a canceled, captured order",
      "captured",
      { eligible: false, reason: "canceled" },
      order({ status: "canceled", payment_collections: [captured] }),
    ],
    [
      "a canceled authorization",
      "placed",
      { eligible: false, reason: "payment_canceled" },
      order({ payment_collections: [voided] }),
    ],
    [
      "a canceled authorization",
      "captured",
      { eligible: false, reason: "payment_canceled" },
      order({ payment_collections: [voided] }),
    ],
    [
      "a canceled collection",
      "captured",
      { eligible: false, reason: "payment_canceled" },
      order({ payment_collections: [{ status: "canceled", payments: [] }] }),
    ],
    [
      "a canceled authorization beside a live one",
      "captured",
      { eligible: false, reason: "awaiting_capture" },
      order({ payment_collections: [voided, authorized] }),
    ],
    [
      "a canceled authorization beside a captured one",
      "captured",
      { eligible: true },
      order({ payment_collections: [voided, captured] }),
    ],
    ["a missing order", "placed", { eligible: false, reason: "not_found" }, null],
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

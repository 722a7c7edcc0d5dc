import {
  EsimflyInsufficientBalanceError,
  EsimflyOutcomeUnknownError,
  EsimflyRefusedError,
  TopupResult,
} from "../../../../lib/esimfly"
import { mayRetryTopUp, settleFromTotal, topUpBought, topUpCallFailed } from ".."

const at = new Date("2026-12-03T20:00:00Z")

describe("settleFromTotal", () => {
  it("judges a lost answer bought when total_mb grew past the value read before the call, final or not", () => {
    const bought = { status: "bought", total_mb_after: 4096, bought_at: at }
    expect(settleFromTotal(1024, 4096, at, false)).toMatchObject(bought)
    expect(settleFromTotal(1024, 4096, at, true)).toMatchObject(bought)
  })

  it("judges nothing from a total that has not grown while esimfly's usage may still lag", () => {
    expect(settleFromTotal(1024, 1024, at, false)).toBeNull()
  })

  it.each([
    [1024, 1024],
    [1024, null],
    [null, 4096],
  ])("judges it failed TOPUP_NOT_APPLIED (never resent) once final, with %s MB before and %s MB now", (before, now) => {
    expect(settleFromTotal(before, now, at, true)).toMatchObject({ status: "failed", error_code: "TOPUP_NOT_APPLIED" })
  })
})

describe("topUpCallFailed", () => {
  it("makes a lost answer unknown, a missing balance held and any other refusal failed with its code", () => {
    const unknown = EsimflyOutcomeUnknownError.topup({
      iccid: "1",
      packageCode: "P",
      quantity: 1,
      causeKind: "network",
    } as Parameters<typeof EsimflyOutcomeUnknownError.topup>[0])
    const balance = new EsimflyInsufficientBalanceError({
      message: "balance 0 < 4.2",
      currentBalance: 0,
      requiredBalance: 4.2,
      needToLoad: 4.2,
    })
    const refused = new EsimflyRefusedError({ message: "no", code: "INVALID_TOPUP_PACKAGE" })
    expect(topUpCallFailed(unknown)).toMatchObject({ status: "unknown", error_code: "TOPUP_OUTCOME_UNKNOWN" })
    expect(topUpCallFailed(balance)).toMatchObject({ status: "held", error_code: "INSUFFICIENT_BALANCE" })
    expect(topUpCallFailed(refused)).toMatchObject({ status: "failed", error_code: "INVALID_TOPUP_PACKAGE" })
  })
})

describe("topUpBought", () => {
  it("keeps esimfly's reference and charge and reads the new totals in MB", () => {
    const result: TopupResult = {
      orderReference: "topup_1",
      iccid: "1",
      packageName: "Turkey 3GB",
      status: "completed",
      newBalance: 990,
      currency: "USD",
      amount: 4.2,
      profit: 0.3,
      processingTimeMs: 10,
      message: null,
      esim: { newTotalVolumeGb: 4, newRemainingVolumeGb: 3.5, expiredTime: null, expiresAt: null },
    }
    const { fields, usage } = topUpBought(result, at)
    expect(fields).toMatchObject({
      status: "bought",
      esimfly_order_reference: "topup_1",
      cost: 4.2,
      total_mb_after: 4096,
    })
    expect(usage).toEqual({ total_mb: 4096, remaining_mb: 3584, expires_at: null })
  })
})

describe("mayRetryTopUp", () => {
  it("lets an admin send again a held top-up or one esimfly refused, never one judged from total_mb or canceled", () => {
    const row = { cancel_requested_at: null, error_code: null }
    expect(mayRetryTopUp({ ...row, status: "held" })).toBe(true)
    expect(mayRetryTopUp({ ...row, status: "failed", error_code: "INVALID_TOPUP_PACKAGE" })).toBe(true)
    expect(mayRetryTopUp({ ...row, status: "failed", error_code: "TOPUP_NOT_APPLIED" })).toBe(false)
    expect(mayRetryTopUp({ ...row, status: "bought" })).toBe(false)
    expect(mayRetryTopUp({ ...row, status: "held", cancel_requested_at: at })).toBe(false)
  })
})

import { lifecycleStatusOf, LifecycleStatus, nextLifecycleStatus, revivedByTopUp } from ".."

const table: [LifecycleStatus, LifecycleStatus, LifecycleStatus][] = [
  ["new", "new", "new"],
  ["new", "active", "active"],
  ["new", "depleted", "depleted"],
  ["new", "expired", "expired"],
  ["new", "canceled", "canceled"],
  ["active", "new", "active"],
  ["active", "active", "active"],
  ["active", "depleted", "depleted"],
  ["active", "expired", "expired"],
  ["active", "canceled", "canceled"],
  ["depleted", "new", "depleted"],
  ["depleted", "active", "depleted"],
  ["depleted", "expired", "depleted"],
  ["depleted", "canceled", "depleted"],
  ["expired", "active", "expired"],
  ["expired", "depleted", "expired"],
  ["canceled", "active", "canceled"],
  ["canceled", "expired", "canceled"],
]

describe("nextLifecycleStatus", () => {
  it.each(table)("an eSIM %s told %s becomes %s", (current, incoming, next) => {
    expect(nextLifecycleStatus(current, incoming)).toBe(next)
  })
})

describe("lifecycleStatusOf", () => {
  it.each([
    ["NEW", "new"],
    ["ACTIVE", "active"],
    ["DEPLETED", "depleted"],
    ["EXPIRED", "expired"],
    ["USED_EXPIRED", "expired"],
    ["CANCELLED", "canceled"],
    ["active", "active"],
    ["DELETED", null],
    [null, null],
  ])("reads esimfly's %p as %p", (wire, status) => {
    expect(lifecycleStatusOf(wire)).toBe(status)
  })
})

describe("revivedByTopUp", () => {
  it.each([
    ["depleted", "active"],
    ["active", "active"],
    ["new", "new"],
    ["expired", "expired"],
    ["canceled", "canceled"],
  ] as [LifecycleStatus, LifecycleStatus][])("a bought top-up moves a %s eSIM to %s", (current, next) => {
    expect(revivedByTopUp(current)).toBe(next)
  })

  it("leaves the webhook rule as it was: a late ACTIVE event never revives a depleted eSIM", () => {
    expect(nextLifecycleStatus("depleted", "active")).toBe("depleted")
  })
})

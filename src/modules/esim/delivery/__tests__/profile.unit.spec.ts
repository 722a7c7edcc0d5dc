type ProfileModule = typeof import("../profile")

/** The module as loaded with the switch set to `value` (it is read once, at load). */
function loadWith(value: string | undefined): ProfileModule {
  const previous = process.env.ESIMFLY_DELIVERY_PROFILE
  let loaded: ProfileModule | undefined
  try {
    if (value === undefined) {
      delete process.env.ESIMFLY_DELIVERY_PROFILE
    } else {
      process.env.ESIMFLY_DELIVERY_PROFILE = value
    }
    jest.isolateModules(() => {
      loaded = require("../profile")
    })
  } finally {
    if (previous === undefined) {
      delete process.env.ESIMFLY_DELIVERY_PROFILE
    } else {
      process.env.ESIMFLY_DELIVERY_PROFILE = previous
    }
  }
  return loaded as ProfileModule
}

const parse = (line: string | null, mark: string) => JSON.parse((line ?? "").slice(mark.length + 1))

describe("delivery profile", () => {
  it("hands back the step's own invoke and logs nothing when ESIMFLY_DELIVERY_PROFILE is unset", async () => {
    const profile = loadWith(undefined)
    const invoke = async (input: { order_id: string }) => input.order_id
    expect(profile.profiledInvoke("prepare", invoke)).toBe(invoke)
    profile.beginDeliveryProfile("order_1")
    await profile.timeDeliveryPhase("order_1", "qr", async () => "drawn")
    expect(profile.endDeliveryProfile("order_1")).toBeNull()
  })

  it("logs one line per run with the order id, its start and the milliseconds of each phase it went through", async () => {
    const profile = loadWith("true")
    profile.beginDeliveryProfile("order_1")
    const prepare = profile.profiledInvoke(
      "prepare",
      async (input: { order_id: string }) => `${input.order_id} prepared`
    )
    await expect(prepare({ order_id: "order_1" })).resolves.toBe("order_1 prepared")
    await profile.timeDeliveryPhase("order_1", "notify", () =>
      profile.timeDeliveryPhase("order_1", "qr", async () => "drawn")
    )
    await expect(
      profile.timeDeliveryPhase("order_1", "create_order", async () => Promise.reject(new Error("503")))
    ).rejects.toThrow("503")
    const line = profile.endDeliveryProfile("order_1")
    expect(line?.startsWith(`${profile.DELIVERY_PROFILE_MARK} {`)).toBe(true)
    const logged = parse(line, profile.DELIVERY_PROFILE_MARK)
    expect(Object.keys(logged).sort()).toEqual(["order_id", "phases", "started_at", "total_ms"])
    expect(logged.order_id).toBe("order_1")
    expect(Object.keys(logged.phases).sort()).toEqual(["create_order", "notify", "prepare", "qr"])
    expect(Object.values(logged.phases).every((ms) => typeof ms === "number" && ms >= 0)).toBe(true)
    expect(profile.endDeliveryProfile("order_1")).toBeNull()
  })

  it("records nothing for an order whose run was never begun", async () => {
    const profile = loadWith("true")
    await profile.timeDeliveryPhase("order_2", "qr", async () => "drawn")
    expect(profile.endDeliveryProfile("order_2")).toBeNull()
  })
})

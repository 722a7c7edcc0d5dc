import { MODULE_TEST_BASE_URL, runEsimModuleTests } from "./support/module-runner"
import validateOptionsLoader from "../loaders/validate-options"
import { asValue, createContainer } from "@medusajs/framework/awilix"
import { LoaderOptions } from "@medusajs/framework/types"

jest.setTimeout(60 * 1000)

const baseUrl = MODULE_TEST_BASE_URL

runEsimModuleTests(
  ({ service }) => {
    it("holds one client for the process, built from the validated options", () => {
      expect(service.getClient()).toBe(service.getClient())
      expect(service.getOptions().baseUrl).toBe(baseUrl)
      expect(JSON.stringify(service.getClient())).not.toContain("sk_module_test")
    })

    const esimOrder = (batch: number, key = `order_1:line_1:${batch}`) => ({
      order_id: "order_1",
      line_item_id: "line_1",
      batch,
      quantity: 10,
      package_code: "TR-1GB-7D",
      idempotency_key: key,
    })

    it("refuses a second eSIM order for the same order line and batch", async () => {
      await service.createEsimOrders([esimOrder(0), esimOrder(1)])
      await expect(service.createEsimOrders(esimOrder(0, "other-key"))).rejects.toThrow()
      await expect(service.createEsimOrders({ ...esimOrder(2), idempotency_key: "order_1:line_1:0" })).rejects.toThrow()
      const stored = await service.listEsimOrders({ order_id: "order_1" })
      expect(stored.map((row) => [row.batch, row.status, row.attempts])).toEqual([
        [0, "pending", 0],
        [1, "pending", 0],
      ])
    })

    it("stores each ICCID once and links it to its eSIM order", async () => {
      const [owner] = await service.createEsimOrders([esimOrder(0)])
      const profile = {
        iccid: "8988000000000000001",
        order_id: "order_1",
        line_item_id: "line_1",
        package_code: "TR-1GB-7D",
        esim_order_id: owner.id,
      }
      await service.createEsimProfiles(profile)
      await expect(service.createEsimProfiles(profile)).rejects.toThrow()
      const [withEsims] = await service.listEsimOrders({ id: owner.id }, { relations: ["esims"] })
      expect(withEsims.esims.map((esim) => esim.iccid)).toEqual(["8988000000000000001"])
    })

    it("mirrors the newest balance reading and ignores an older one that arrives later", async () => {
      expect(await service.readEsimflyBalance()).toBeNull()
      await service.recordEsimflyBalance({
        amount: 100.1,
        currency: "USD",
        read_at: new Date("2026-12-03T10:00:00Z"),
        source: "refresh",
      })
      await service.recordEsimflyBalance({
        amount: 95.06,
        currency: "USD",
        read_at: new Date("2026-12-03T10:00:05Z"),
        source: "create_order",
      })
      await service.recordEsimflyBalance({
        amount: 99.99,
        currency: "USD",
        read_at: new Date("2026-12-03T10:00:01Z"),
        source: "refresh",
      })
      expect(await service.readEsimflyBalance()).toEqual({
        amount: 95.06,
        currency: "USD",
        read_at: new Date("2026-12-03T10:00:05Z"),
        source: "create_order",
        low_alerted: false,
      })
      expect(await service.listEsimflyBalances()).toHaveLength(1)
    })

    it("flips the low-balance alert flag only for the call that changes it", async () => {
      await service.recordEsimflyBalance({ amount: 1, currency: "USD", read_at: new Date(), source: "refresh" })
      expect(await Promise.all([service.markEsimflyBalanceAlert(true), service.markEsimflyBalanceAlert(true)])).toEqual(
        expect.arrayContaining([true, false])
      )
      expect(await service.markEsimflyBalanceAlert(true)).toBe(false)
      expect(await service.markEsimflyBalanceAlert(false)).toBe(true)
    })

    it("mirrors package costs exactly, one row per code, keeping the newer reading", async () => {
      const at = new Date("2026-12-03T10:00:00Z")
      await service.recordPackageCosts(
        [
          { package_code: "TR-1GB-7D", cost: 2.52, currency: "USD" },
          { package_code: "TR-1GB-7D", cost: 2.53, currency: "USD" },
          { package_code: "GONE-1GB", cost: null, currency: null },
        ],
        "catalogue",
        at
      )
      await service.recordPackageCosts(
        [{ package_code: "TR-1GB-7D", cost: 9, currency: "USD" }],
        "lookup",
        new Date(at.getTime() - 1000)
      )
      const costs = await service.readPackageCosts(["TR-1GB-7D", "GONE-1GB", "NEVER-SEEN"])
      expect(Object.fromEntries(costs)).toEqual({
        "TR-1GB-7D": { cost: 2.53, currency: "USD", read_at: at },
        "GONE-1GB": { cost: null, currency: null, read_at: at },
      })
    })

    it("keeps money exact and rejects an unknown status", async () => {
      const [row] = await service.createEsimOrders([{ ...esimOrder(0), amount: 19.99, current_balance: 12.4 }])
      const [stored] = await service.listEsimOrders({ id: row.id })
      expect(Number(stored.amount)).toBe(19.99)
      await expect(service.updateEsimOrders({ id: row.id, status: "bogus" as never })).rejects.toThrow()
    })
  },
  { baseUrl: `${baseUrl}/` }
)

describe("the options loader", () => {
  function load(options: Record<string, unknown>) {
    const container = createContainer()
    container.register("logger", asValue(console))
    return validateOptionsLoader({ container, options } as unknown as LoaderOptions)
  }

  it("stops start-up naming a missing secretKey", async () => {
    await expect(load({ accessCode: "esf_a" })).rejects.toThrow('esimfly: option "secretKey" is required')
  })

  it("stops start-up naming a bad timeout", async () => {
    await expect(load({ accessCode: "a", secretKey: "b", timeoutMs: -1 })).rejects.toThrow('option "timeoutMs"')
  })

  it("applies the defaults once", async () => {
    const container = createContainer()
    await validateOptionsLoader({ container, options: { accessCode: "a", secretKey: "b" } } as unknown as LoaderOptions)
    expect(container.resolve("esimModuleOptions")).toMatchObject({
      baseUrl: "https://esimfly.net/api/v1/business",
      timeoutMs: 15000,
    })
  })
})

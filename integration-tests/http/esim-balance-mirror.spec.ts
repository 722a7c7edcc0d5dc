import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { watchBalance } from "../../src/workflows/utils/admin-alerts"
import { refreshStaleBalance } from "../../src/workflows/utils/refresh-balance"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

process.env.ESIMFLY_LOW_BALANCE_THRESHOLD = "100"
const sandbox = useSandbox()
const MINUTE = 60 * 1000

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    beforeEach(() => sandbox.current().reset())

    const esim = () => getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    const balanceReads = () =>
      sandbox
        .current()
        .ledger()
        .requests.filter((r) => r.path.endsWith("/balance")).length
    const lowAlerts = async () => {
      const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
      return feed.filter((n) => (n.data as { title?: string })?.title === "esimfly balance is low").length
    }

    it("refreshes the mirror only when it is missing or older than balanceRefreshIntervalMs (5 min)", async () => {
      const now = Date.now()
      expect(await refreshStaleBalance(getContainer(), new Date(now))).toBe("refreshed")
      expect(await esim().readEsimflyBalance()).toMatchObject({ amount: 1000, currency: "USD", source: "refresh" })
      expect(await refreshStaleBalance(getContainer(), new Date(now + 4 * MINUTE))).toBe("fresh")
      expect(balanceReads()).toBe(1)
      sandbox.current().setBalance(900)
      expect(await refreshStaleBalance(getContainer(), new Date(now + 6 * MINUTE))).toBe("refreshed")
      expect(balanceReads()).toBe(2)
      expect(await esim().readEsimflyBalance()).toMatchObject({ amount: 900 })
    })

    it("keeps the last reading when esimfly answers 503 to the refresh, and does not throw", async () => {
      await esim().recordEsimflyBalance({
        amount: 321.5,
        currency: "USD",
        read_at: new Date(Date.now() - 10 * MINUTE),
        source: "create_order",
      })
      sandbox
        .current()
        .faults.failNext({ status: 503, code: "SERVICE_UNAVAILABLE", path: "/balance", method: "GET", count: 5 })
      expect(await refreshStaleBalance(getContainer())).toBe("failed")
      expect(await esim().readEsimflyBalance()).toMatchObject({ amount: 321.5, source: "create_order" })
    })

    it("tells the admins once each time the mirrored balance crosses under lowBalanceThreshold", async () => {
      const refresh = () =>
        esim()
          .refreshEsimflyBalance("refresh")
          .then(() => watchBalance(getContainer()))
      sandbox.current().setBalance(50)
      await refresh()
      await refresh()
      expect(await lowAlerts()).toBe(1)
      sandbox.current().setBalance(500)
      await refresh()
      expect(await lowAlerts()).toBe(1)
      sandbox.current().setBalance(20)
      await refresh()
      expect(await lowAlerts()).toBe(2)
    })
  },
})

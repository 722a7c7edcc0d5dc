import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Microchip } from "@medusajs/icons"
import { BalanceCard } from "../../components/balance-card"
import { CatalogueSyncCard } from "../../components/catalogue-sync-card"
import { EsimOrdersTable } from "../../components/esim-orders-table"
import { EsimflyHistoryTable } from "../../components/esimfly-history-table"
import { NeedsAttentionList } from "../../components/needs-attention-list"
import { OrphanOrdersCard } from "../../components/orphan-orders-card"
import { ProfitSummary } from "../../components/profit-summary"
import { WebhooksCard } from "../../components/webhooks-card"

/** The eSIM business at a glance: balance, profit, what needs a person, both order lists, orphans, the catalogue and the webhooks. */
const EsimsPage = () => (
  <div className="flex flex-col gap-y-3">
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-[minmax(280px,1fr)_2fr]">
      <BalanceCard />
      <ProfitSummary />
    </div>
    <NeedsAttentionList />
    <EsimOrdersTable />
    <EsimflyHistoryTable />
    <OrphanOrdersCard />
    <CatalogueSyncCard />
    <WebhooksCard />
  </div>
)

export const config = defineRouteConfig({ label: "eSIMs", icon: Microchip })

export const handle = { breadcrumb: () => "eSIMs" }

export default EsimsPage

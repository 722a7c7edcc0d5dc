import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"
import { API_KEY_TITLE } from "./constants"
import { SeedReport } from "./report"

async function findOrCreateKey(container: MedusaContainer, report: SeedReport) {
  const service = container.resolve(Modules.API_KEY)
  const keys = await service.listApiKeys({ title: API_KEY_TITLE, type: "publishable" })
  const existing = keys.find((key) => !key.revoked_at)
  if (existing) {
    report.found(`publishable API key "${API_KEY_TITLE}"`)
    return existing
  }
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
  })
  report.made(`publishable API key "${API_KEY_TITLE}"`)
  return result[0]
}

/** The storefront's publishable key, scoped to the demo sales channel. Returns its token. */
export async function ensurePublishableKey(
  container: MedusaContainer,
  report: SeedReport,
  salesChannelId: string
): Promise<string> {
  const key = await findOrCreateKey(container, report)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: key.id },
  })
  const channels: ({ id: string } | null)[] = data[0]?.sales_channels ?? []
  const linked = channels.some((channel) => channel?.id === salesChannelId)
  if (linked) {
    report.found("publishable key ↔ sales channel link")
  } else {
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [salesChannelId] },
    })
    report.made("publishable key ↔ sales channel link")
  }
  return key.token
}

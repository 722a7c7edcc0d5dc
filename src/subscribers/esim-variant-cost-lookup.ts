import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, ProductEvents } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../modules/esim"
import { packageCodeOf } from "../modules/esim/purchase"
import EsimModuleService from "../modules/esim/service"
import { lookUpEsimPackageCostsWorkflow } from "../workflows/look-up-esim-package-costs"

/** A variant saved with a package code the cost mirror lacks: search esimfly for it now, after the admin's request. */
export default async function esimVariantCostLookupHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  if (!esim.getOptions().costLookupOnSave) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "metadata"],
    filters: { id: event.data.id },
  })
  const code = data[0] ? packageCodeOf({ id: data[0].id, quantity: 1, variant: data[0] }) : null
  if (!code || (await esim.readPackageCosts([code])).has(code)) {
    return
  }
  // esimfly errors are logged by the search step; this is what is left (a lock wait that timed out, the database).
  const { errors } = await lookUpEsimPackageCostsWorkflow(container).run({
    input: { package_codes: [code] },
    throwOnError: false,
  })
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  errors.forEach(({ error }) =>
    logger.warn(`esimfly: the cost lookup of ${code} failed; the job retries it: ${error?.message}`)
  )
}

export const config: SubscriberConfig = {
  event: [ProductEvents.PRODUCT_VARIANT_CREATED, ProductEvents.PRODUCT_VARIANT_UPDATED],
  context: { subscriberId: "esimfly-variant-cost-lookup" },
}

import type EsimModuleService from "../service"

/** eSIM orders whose create-order answer is not stored: lost, or still on its way (optionally of one package). */
export function listUnsettledEsimOrders(esim: EsimModuleService, packageCode?: string) {
  return esim.listEsimOrders(
    {
      status: ["purchasing", "needs_attention"],
      esimfly_order_reference: null,
      ...(packageCode ? { package_code: packageCode } : {}),
    },
    { take: null }
  )
}

import { transform, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"

/** For use inside a workflow's composition: the Medusa order id of an eSIM order (404 when it does not exist). */
export function esimOrderOrderId(id: WorkflowData<string> | string) {
  const { data: esimOrders } = useQueryGraphStep({
    entity: "esim_order",
    fields: ["id", "order_id"],
    filters: { id },
    options: { throwIfKeyNotFound: true },
  })
  return transform({ esimOrders }, ({ esimOrders }) => esimOrders[0].order_id as string)
}

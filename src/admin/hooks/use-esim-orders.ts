import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { EsimOrder, EsimOrdersQuery, EsimOrdersResponse } from "../lib/types"

type Interval = number | false | ((esimOrders: EsimOrder[] | undefined) => number | false)

type Options = {
  /** Keeps the previous page on screen while the next loads (tables; never for one order's eSIMs). */
  keepPrevious?: boolean
  refetchInterval?: Interval
}

/** The plugin's eSIM orders with their eSIMs; filtered by order_id the eSIMs carry QR images. */
export const useEsimOrders = (query: EsimOrdersQuery, options: Options = {}) =>
  useQuery({
    queryKey: esimQueryKeys.esimOrderList(query),
    queryFn: () => sdk.client.fetch<EsimOrdersResponse>("/admin/esim-orders", { query }),
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: (current) => {
      const interval = options.refetchInterval ?? false
      return typeof interval === "function" ? interval(current.state.data?.esim_orders) : interval
    },
  })

/** One eSIM order with its eSIMs, attempts, errors and history. */
export const useEsimOrder = (id: string) =>
  useQuery({
    queryKey: esimQueryKeys.esimOrder(id),
    queryFn: () => sdk.client.fetch<{ esim_order: EsimOrder }>(`/admin/esim-orders/${id}`),
    select: (data) => data.esim_order,
  })

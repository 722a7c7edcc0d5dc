import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { ProfitQuery, ProfitResponse } from "../lib/types"

/** Revenue, cost and profit per currency pair in a date window. */
export const useEsimProfit = (query: ProfitQuery) =>
  useQuery({
    queryKey: esimQueryKeys.profit(query),
    queryFn: () => sdk.client.fetch<ProfitResponse>("/admin/esimfly/profit", { query }),
    select: (data) => data.profit,
    placeholderData: keepPreviousData,
  })

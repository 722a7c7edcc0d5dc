import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { PackagesQuery, PackagesResponse } from "../lib/types"

/** One page of esimfly's catalogue, for the variant package picker. */
export const useEsimflyPackages = (query: PackagesQuery, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: esimQueryKeys.packages(query),
    queryFn: () => sdk.client.fetch<PackagesResponse>("/admin/esimfly/packages", { query }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  })

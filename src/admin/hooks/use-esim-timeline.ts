import { useQuery } from "@tanstack/react-query"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { EsimWithTimeline } from "../lib/types"

/** One eSIM's data left and timeline; fetched only while its drawer is open. */
export const useEsimTimeline = (iccid: string, options: { enabled: boolean }) =>
  useQuery({
    queryKey: esimQueryKeys.esimTimeline(iccid),
    queryFn: () => sdk.client.fetch<{ esim: EsimWithTimeline }>(`/admin/esims/${encodeURIComponent(iccid)}`),
    select: (data) => data.esim,
    enabled: options.enabled,
  })

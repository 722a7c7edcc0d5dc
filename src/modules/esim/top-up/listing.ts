import { EsimflyClient, EsimflyError } from "../../../lib/esimfly"
import { TopUpPackage, toTopUpPackage } from "./offers"

/** esimfly: cache the top-up options per ICCID for about 10 minutes (docs: static/llm/topup-packages.txt). */
export const TOP_UP_LISTING_TTL_S = 600

/** esimfly's answer for one eSIM: the packages on offer, or why there are none. */
export type TopUpListing = {
  /** False when esimfly says the eSIM cannot be topped up (ESIM_NOT_TOPPABLE); null when esimfly could not be asked. */
  toppable: boolean | null
  packages: TopUpPackage[]
  reason: string | null
  read_at: string
}

/** Where listings are kept: Medusa's cache module when the app has one, else the in-process map below. */
export type TopUpListingCache = {
  get(key: string): Promise<TopUpListing | null>
  set(key: string, value: TopUpListing, ttlS: number): Promise<void>
}

const memory = new Map<string, { value: TopUpListing; until: number }>()

/** The fallback cache: one process's map, each entry dropped once its time is up. */
export const memoryTopUpListingCache: TopUpListingCache = {
  async get(key) {
    const entry = memory.get(key)
    if (entry && entry.until > Date.now()) {
      return entry.value
    }
    memory.delete(key)
    return null
  },
  async set(key, value, ttlS) {
    memory.set(key, { value, until: Date.now() + ttlS * 1000 })
  },
}

export const topUpListingKey = (iccid: string) => `esim-top-ups:${iccid}`

/** esimfly limits a page to 100 options (docs: topup-packages.md); a handful of pages is more than any eSIM has. */
const MAX_PAGES = 5

async function readAllPages(client: EsimflyClient, iccid: string): Promise<TopUpPackage[]> {
  const packages: TopUpPackage[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const read = await client.listTopupPackages({ iccid, page, limit: 100 })
    packages.push(...read.packages.map(toTopUpPackage))
    if (!read.pagination.totalPages || page >= read.pagination.totalPages) {
      break
    }
  }
  return packages
}

/** Reads esimfly's options for one eSIM; a refusal or an outage is an answer with a reason, never a throw. */
export async function readTopUpListing(client: EsimflyClient, iccid: string, now: Date): Promise<TopUpListing> {
  const read_at = now.toISOString()
  try {
    return { toppable: true, packages: await readAllPages(client, iccid), reason: null, read_at }
  } catch (error) {
    if (error instanceof EsimflyError && error.code === "ESIM_NOT_TOPPABLE") {
      return { toppable: false, packages: [], reason: "This eSIM cannot be topped up.", read_at }
    }
    return { toppable: null, packages: [], reason: "Top-ups cannot be listed right now; try again later.", read_at }
  }
}

/**
 * The listing from the cache, else from esimfly (then cached for 10 minutes). Only what
 * esimfly answered is cached: an outage is asked again at the next request.
 */
export async function cachedTopUpListing(
  cache: TopUpListingCache,
  client: EsimflyClient,
  iccid: string
): Promise<TopUpListing> {
  const key = topUpListingKey(iccid)
  const cached = await cache.get(key)
  if (cached) {
    return cached
  }
  const listing = await readTopUpListing(client, iccid, new Date())
  if (listing.toppable !== null) {
    await cache.set(key, listing, TOP_UP_LISTING_TTL_S)
  }
  return listing
}

/** The business API lives under this path, so a client's baseUrl is http://host:port + API_BASE. */
export const API_BASE = "/api/v1/business"

/** Unauthenticated test controls. */
export const CONTROL_BASE = "/__sandbox"

/** A fault's path may be given in full or relative to API_BASE ("/esims/order"). */
export function pathMatches(pattern: string, pathname: string): boolean {
  return pathname === pattern || pathname === API_BASE + pattern
}

import { EsimLife } from "./after-sale-types"
import { SandboxCore } from "./core"
import { countryOf } from "./countries"
import { installDeadline, MB_PER_GB, packageOf, remainingMb } from "./esim-life"

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

/** One eSIM as GET /esims/usage/query (and each item of GET /esims) shows it, in MB (lifecycle.md). */
export function usageView(core: SandboxCore, life: EsimLife): Record<string, unknown> {
  const used = Math.round(life.usedMb)
  const percentage = life.unlimited || life.totalMb === 0 ? 0 : (life.usedMb / life.totalMb) * 100
  const expiresAt = life.expiresAt ?? installDeadline(life.order)
  return {
    esim: {
      iccid: life.iccid,
      order_id: life.order.orderReference,
      package_name: life.order.packageName,
      status: life.status,
    },
    data: {
      total_mb: life.unlimited ? 0 : life.totalMb,
      used_mb: used,
      remaining_mb: Math.round(remainingMb(life)),
      usage_percentage: Math.min(100, Math.round(percentage * 100) / 100),
      is_unlimited: life.unlimited,
    },
    validity: {
      days: life.validityDays,
      activated_at: iso(life.installedAt),
      expires_at: iso(expiresAt),
      is_expired: life.status === "EXPIRED" || core.now() >= expiresAt,
    },
  }
}

/**
 * One item of GET /esims as docs/api/esims.md lists it: the eSIM's fields at the top level
 * (`id` is the create-order `esimId`, countries by name) and the usage view's `data` and `validity`.
 */
export function listedEsimView(core: SandboxCore, life: EsimLife): Record<string, unknown> {
  const usage = usageView(core, life)
  const pkg = packageOf(core, life.order.packageCode)
  return {
    id: life.order.id,
    iccid: life.iccid,
    package_name: life.order.packageName,
    package_code: life.order.packageCode,
    countries: pkg.countries.map((code) => countryOf(code).name),
    status: life.status,
    data: usage.data,
    validity: usage.validity,
    created_at: iso(life.order.createdAt),
  }
}

/** POST /esims/status: live from the network, in GB; network and device fields null until installed. */
export function liveStatusView(core: SandboxCore, life: EsimLife): Record<string, unknown> {
  const installed = life.installedAt !== null
  const gb = (mb: number) => Math.round((mb / MB_PER_GB) * 1000) / 1000
  return {
    iccid: life.iccid,
    status: life.status,
    esim_status: installed ? "Active" : "Released",
    smdp_status: installed ? "ENABLED" : "RELEASED",
    profile: installed ? "Enabled" : "Not Installed",
    unlimited: life.unlimited,
    last_network: installed ? lastNetwork(core, life) : null,
    device: installed ? { model: "iPhone 15", imei: "35" + (life.imsi ?? "").slice(-13) } : null,
    activation_date: iso(life.installedAt),
    last_usage_date: iso(life.lastUsageAt),
    expiry_date: iso(life.expiresAt),
    data_usage: {
      used_gb: gb(life.usedMb),
      total_gb: life.unlimited ? null : gb(life.totalMb),
      unlimited: life.unlimited,
    },
  }
}

function lastNetwork(core: SandboxCore, life: EsimLife): Record<string, unknown> {
  const pkg = packageOf(core, life.order.packageCode)
  const country = countryOf(pkg.countries[0])
  const operator = country.operators[0]
  return {
    operator: operator?.operatorName ?? null,
    mcc: "286",
    mnc: "01",
    country: country.name,
    country_iso2: country.iso,
    connection_type: operator?.networkType ?? "4G",
  }
}

import { CheckMini } from "@medusajs/icons"
import { Badge, Text, clx } from "@medusajs/ui"
import { formatData, formatMoney, formatValidity } from "../lib/format"
import { EsimflyPackage } from "../lib/types"

type PackageOptionProps = { pkg: EsimflyPackage; selected: boolean; onSelect: (code: string) => void }

/** One catalogue package as a selectable row: name, code, coverage, data, validity and esimfly's cost. */
export const PackageOption = ({ pkg, selected, onSelect }: PackageOptionProps) => (
  <button
    type="button"
    role="option"
    aria-selected={selected}
    data-testid="esim-package-option"
    onClick={() => onSelect(pkg.package_code)}
    className={clx(
      "flex w-full items-start justify-between gap-x-3 rounded-lg px-3 py-2 text-left outline-none transition-fg",
      "hover:bg-ui-bg-base-hover focus-visible:shadow-borders-focus",
      selected && "bg-ui-bg-highlight hover:bg-ui-bg-highlight-hover"
    )}
  >
    <div className="flex min-w-0 flex-col gap-y-0.5">
      <div className="flex items-center gap-x-2">
        <Text size="small" weight="plus" leading="compact" className="truncate">
          {pkg.name ?? pkg.package_code}
        </Text>
        {pkg.type && <Badge size="2xsmall">{pkg.type}</Badge>}
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle font-mono">
        {pkg.package_code}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {[pkg.region, formatData(pkg.data_amount_gb, pkg.is_unlimited), formatValidity(pkg.validity_days)]
          .filter(Boolean)
          .join(" · ")}
      </Text>
    </div>
    <div className="flex shrink-0 items-center gap-x-2">
      <Text size="small" leading="compact">
        {formatMoney(pkg.cost, pkg.currency)}
      </Text>
      <span className="size-4">{selected && <CheckMini className="text-ui-fg-interactive" />}</span>
    </div>
  </button>
)

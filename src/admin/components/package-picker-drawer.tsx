import type { HttpTypes } from "@medusajs/framework/types"
import { Button, Drawer, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { useDebouncedValue } from "../hooks/use-debounced-value"
import { useEsimflyPackages } from "../hooks/use-esimfly-packages"
import { packageCodeOf } from "../hooks/use-product-variants"
import { PackageOption } from "./package-option"
import { SectionEmpty, SectionError, SectionSkeleton } from "./section-states"

const PAGE_SIZE = 20

type PackagePickerDrawerProps = {
  variant: HttpTypes.AdminProductVariant
  saving: boolean
  onSave: (code: string) => void
  onClose: () => void
}

const Pager = ({ page, totalPages, onPage }: { page: number; totalPages: number; onPage: (page: number) => void }) => (
  <div className="flex items-center justify-between pt-2">
    <Text size="small" className="text-ui-fg-subtle">
      Page {page} of {Math.max(totalPages, 1)}
    </Text>
    <div className="flex gap-x-2">
      <Button size="small" variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <Button size="small" variant="secondary" disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </div>
  </div>
)

/** Searches esimfly's catalogue and picks the package a variant sells. */
export const PackagePickerDrawer = ({ variant, saving, onSave, onClose }: PackagePickerDrawerProps) => {
  const current = packageCodeOf(variant)
  const [search, setSearch] = useState("")
  const [page, setPage] = useState(1)
  const [selected, setSelected] = useState<string | null>(current)
  const term = useDebouncedValue(search.trim())
  const { data, error, isPending, isFetching, refetch } = useEsimflyPackages({
    search: term || undefined,
    page,
    limit: PAGE_SIZE,
  })
  const packages = data?.packages ?? []

  const onSearch = (value: string) => {
    setSearch(value)
    setPage(1)
  }

  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content aria-busy={isFetching}>
        <Drawer.Header>
          <Drawer.Title>esimfly package for {variant.title}</Drawer.Title>
          <Drawer.Description>
            {current ? `Currently ${current}.` : "This variant is not sold as an eSIM yet."} Costs are what esimfly
            charges you.
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3 overflow-y-auto">
          <Input
            type="search"
            placeholder="Search by name, region or package code"
            value={search}
            onChange={(event) => onSearch(event.target.value)}
            autoFocus
          />
          {isPending && <SectionSkeleton rows={6} />}
          {error && <SectionError title="Could not load esimfly's catalogue" error={error} onRetry={() => refetch()} />}
          {!isPending && !error && !packages.length && (
            <SectionEmpty
              title="No packages found"
              description={term ? `esimfly sells nothing matching "${term}".` : "esimfly's catalogue is empty."}
            />
          )}
          {packages.length > 0 && (
            <div role="listbox" aria-label="esimfly packages" className="flex flex-col gap-y-1">
              {packages.map((pkg) => (
                <PackageOption
                  key={pkg.package_code}
                  pkg={pkg}
                  selected={pkg.package_code === selected}
                  onSelect={setSelected}
                />
              ))}
            </div>
          )}
          {data && data.pagination.total_pages > 1 && (
            <Pager page={page} totalPages={data.pagination.total_pages} onPage={setPage} />
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            isLoading={saving}
            disabled={!selected || selected === current}
            onClick={() => selected && onSave(selected)}
          >
            Save package
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

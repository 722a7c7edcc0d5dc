import type { HttpTypes } from "@medusajs/framework/types"
import { Badge, Button, Copy, Table, Text } from "@medusajs/ui"
import { packageCodeOf } from "../hooks/use-product-variants"

type VariantPackageRowProps = {
  variant: HttpTypes.AdminProductVariant
  busy: boolean
  onChoose: (variant: HttpTypes.AdminProductVariant) => void
  onClear: (variant: HttpTypes.AdminProductVariant) => void
}

/** One variant and the esimfly package it sells, with choose/clear actions. */
export const VariantPackageRow = ({ variant, busy, onChoose, onClear }: VariantPackageRowProps) => {
  const code = packageCodeOf(variant)
  return (
    <Table.Row data-testid="esim-variant-row" data-variant-id={variant.id}>
      <Table.Cell>
        <div className="flex flex-col py-2">
          <Text size="small" weight="plus" leading="compact">
            {variant.title}
          </Text>
          {variant.sku && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {variant.sku}
            </Text>
          )}
        </div>
      </Table.Cell>
      <Table.Cell>
        {code ? (
          <div className="flex items-center gap-x-1">
            <Badge size="2xsmall" className="font-mono" data-testid="esim-variant-package-code">
              {code}
            </Badge>
            <Copy content={code} variant="mini" aria-label="Copy package code" />
          </div>
        ) : (
          <Text size="small" className="text-ui-fg-muted">
            Not an eSIM
          </Text>
        )}
      </Table.Cell>
      <Table.Cell className="text-right">
        <div className="flex justify-end gap-x-2">
          {code && (
            <Button size="small" variant="transparent" disabled={busy} onClick={() => onClear(variant)}>
              Clear
            </Button>
          )}
          <Button size="small" variant="secondary" disabled={busy} onClick={() => onChoose(variant)}>
            {code ? "Change package" : "Choose package"}
          </Button>
        </div>
      </Table.Cell>
    </Table.Row>
  )
}

import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Table, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { CardHeader } from "../components/card-header"
import { PackagePickerDrawer } from "../components/package-picker-drawer"
import { SectionEmpty, SectionError, SectionSkeleton } from "../components/section-states"
import { VariantPackageRow } from "../components/variant-package-row"
import { useProductVariants, useSetVariantPackageCode } from "../hooks/use-product-variants"
import { requestErrorText } from "../lib/format"

type Variant = HttpTypes.AdminProductVariant

/** Which esimfly package each variant sells; a variant with a package code is bought and delivered as an eSIM. */
const EsimProductWidget = ({ data: product }: DetailWidgetProps<HttpTypes.AdminProduct>) => {
  const { data: variants, error, isPending, refetch } = useProductVariants(product.id)
  const setCode = useSetVariantPackageCode(product.id)
  const prompt = usePrompt()
  const [editing, setEditing] = useState<Variant | null>(null)

  const save = (variant: Variant, code: string | null) =>
    setCode.mutate(
      { variant, code },
      {
        onSuccess: () => {
          toast.success(code ? "Package saved" : "Package cleared", {
            description: code ? `${variant.title} now sells ${code}` : `${variant.title} is no longer sold as an eSIM`,
          })
          setEditing(null)
        },
        onError: (err) => toast.error("Could not save the package", { description: requestErrorText(err) }),
      }
    )

  const clear = async (variant: Variant) => {
    const confirmed = await prompt({
      title: `Stop selling ${variant.title} as an eSIM?`,
      description:
        "New orders of this variant will not buy an eSIM from esimfly. Orders already placed keep their eSIMs.",
      confirmText: "Clear package",
      cancelText: "Cancel",
    })
    if (confirmed) {
      save(variant, null)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="esim-product-widget">
      <CardHeader
        title="eSIM packages"
        description="A variant with an esimfly package code is bought from esimfly and delivered as an eSIM when it is ordered."
      />
      {isPending && <SectionSkeleton rows={2} />}
      {error && <SectionError title="Could not load the variants" error={error} onRetry={() => refetch()} />}
      {variants && !variants.length && (
        <SectionEmpty title="No variants yet" description="Add a variant to choose its esimfly package." />
      )}
      {variants && variants.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Variant</Table.HeaderCell>
              <Table.HeaderCell>esimfly package</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {variants.map((variant) => (
              <VariantPackageRow
                key={variant.id}
                variant={variant}
                busy={setCode.isPending && setCode.variables?.variant.id === variant.id}
                onChoose={setEditing}
                onClear={clear}
              />
            ))}
          </Table.Body>
        </Table>
      )}
      {editing && (
        <PackagePickerDrawer
          variant={editing}
          saving={setCode.isPending}
          onSave={(code) => save(editing, code)}
          onClose={() => setEditing(null)}
        />
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default EsimProductWidget

import type { HttpTypes } from "@medusajs/framework/types"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** The variant metadata key that marks a variant as an eSIM (same key as the purchase plan). */
export const PACKAGE_CODE_KEY = "esimfly_package_code"

/** The package code a variant sells, or null when it is not an eSIM. */
export function packageCodeOf(variant: Pick<HttpTypes.AdminProductVariant, "metadata">): string | null {
  const code = variant.metadata?.[PACKAGE_CODE_KEY]
  return typeof code === "string" && code.trim() ? code.trim() : null
}

/** A product's variants with their metadata (the widget's own data may leave metadata out). */
export const useProductVariants = (productId: string) =>
  useQuery({
    queryKey: esimQueryKeys.productVariants(productId),
    queryFn: () => sdk.admin.product.retrieve(productId, { fields: "*variants" }),
    select: (data) => data.product.variants ?? [],
  })

type SetPackageCode = { variant: HttpTypes.AdminProductVariant; code: string | null }

/** Sets or clears a variant's esimfly package code, keeping its other metadata. */
export const useSetVariantPackageCode = (productId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ variant, code }: SetPackageCode) =>
      sdk.admin.product.updateVariant(productId, variant.id, {
        metadata: { ...(variant.metadata ?? {}), [PACKAGE_CODE_KEY]: code },
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: esimQueryKeys.productVariants(productId) }),
        // The dashboard's own product queries start with "products"; refresh its metadata section too.
        queryClient.invalidateQueries({ queryKey: ["products"] }),
      ])
    },
  })
}

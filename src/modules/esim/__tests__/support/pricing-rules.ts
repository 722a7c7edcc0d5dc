import { PricingRules } from "../../money"

/** The pricing rules a merchant gets without a `pricing` option. */
export const DEFAULT_PRICING_RULES: PricingRules = {
  currencies: ["usd"],
  markupPercent: 30,
  fixedAmount: {},
  rounding: "0.99",
  marginFloorPercent: 10,
  overrides: {},
}

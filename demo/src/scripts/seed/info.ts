import { writeFileSync } from "node:fs"
import { join } from "node:path"

export type DemoInfo = {
  publishable_key: string
  sales_channel_id: string
  region_id: string
  stock_location_id: string
  shipping_option_id: string
  product_handles: string[]
}

/** scripts/demo.sh reads this (gitignored) file for its banner; the key is public by design. */
export function writeDemoInfo(info: DemoInfo): string {
  const file = join(process.cwd(), ".demo-info.json")
  writeFileSync(file, JSON.stringify(info, null, 2) + "\n")
  return file
}

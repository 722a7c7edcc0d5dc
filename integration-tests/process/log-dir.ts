import { mkdirSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"

/**
 * Where a spec's Medusa processes write their logs. scripts/test.sh passes
 * ESIMFLY_PROCESS_LOG_DIR so its secret scan reads them; a standalone run keeps them in a
 * temp folder and says where.
 */
export function specLogDir(spec: string): string {
  const given = process.env.ESIMFLY_PROCESS_LOG_DIR
  const base = given || mkdtempSync(path.join(tmpdir(), "esimfly-process-"))
  const dir = path.join(base, `${spec}-${Date.now()}`)
  mkdirSync(dir, { recursive: true })
  if (!given) {
    process.stdout.write(`${spec}: Medusa logs in ${dir}\n`)
  }
  return dir
}

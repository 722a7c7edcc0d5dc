import { returnedEsimLines } from "../return-plan"

const esimOrders = [
  { line_item_id: "line_a", quantity: 10 },
  { line_item_id: "line_a", quantity: 3 },
  { line_item_id: "line_b", quantity: 2 },
  { line_item_id: "line_c", quantity: 1 },
]

describe("returnedEsimLines", () => {
  it("cancels a line once every return together brought all of it back, damaged included", () => {
    const all = [
      { item_id: "line_a", received_quantity: 10 },
      { item_id: "line_a", received_quantity: "2", damaged_quantity: 1 },
      { item_id: "line_b", received_quantity: 1 },
    ]
    expect(returnedEsimLines(esimOrders, all, ["line_a", "line_b"])).toEqual({
      full: ["line_a"],
      partial: [{ line_item_id: "line_b", returned: 1, ordered: 2 }],
    })
  })

  it("ignores physical lines, lines of other returns and items not received yet", () => {
    const all = [
      { item_id: "line_physical", received_quantity: 1 },
      { item_id: "line_c", received_quantity: 1 },
      { item_id: "line_b", received_quantity: 0 },
    ]
    expect(returnedEsimLines(esimOrders, all, ["line_physical", "line_b"])).toEqual({ full: [], partial: [] })
  })
})

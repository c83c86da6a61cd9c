-- A queue with two indices, used for a breadth-first search on a grid
local grid = {
  "S.#.....",
  ".##.###.",
  "....#...",
  ".##...#E",
}
local function at(r, c) return grid[r]:sub(c, c) end
local rows, cols = #grid, #grid[1]
local queue, head = {{1, 1, 0}}, 1
local seen = {["1,1"] = true}
while head <= #queue do
  local r, c, d = unpack(queue[head])
  head = head + 1
  if at(r, c) == "E" then print("distance", d) break end
  for _, dir in ipairs({{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) do
    local nr, nc = r + dir[1], c + dir[2]
    local key = nr .. "," .. nc
    if nr >= 1 and nr <= rows and nc >= 1 and nc <= cols and at(nr, nc) ~= "#" and not seen[key] then
      seen[key] = true
      queue[#queue + 1] = {nr, nc, d + 1}
    end
  end
end
print("visited", head - 1)

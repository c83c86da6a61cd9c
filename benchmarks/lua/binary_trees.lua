-- binary_trees: allocation-heavy recursion. Builds many complete binary trees
-- of small two-slot tables ({left, right}, nil children at the leaves), walks
-- them to count nodes, and keeps one long-lived tree alive throughout.
local max_depth = (arg and arg[1] == "quick") and 10 or 14
local min_depth = 4

local function build(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return { build(depth), build(depth) }
end

local function check(tree)
  local left = tree[1]
  if left then return 1 + check(left) + check(tree[2]) end
  return 1
end

local stretch = max_depth + 1
print(string.format("stretch tree of depth %d\t check: %d", stretch, check(build(stretch))))

local long_lived = build(max_depth)
for depth = min_depth, max_depth, 2 do
  local iterations = 2 ^ (max_depth - depth + min_depth)
  local total = 0
  for _ = 1, iterations do total = total + check(build(depth)) end
  print(string.format("%d\t trees of depth %d\t check: %d", iterations, depth, total))
end
print(string.format("long lived tree of depth %d\t check: %d", max_depth, check(long_lived)))

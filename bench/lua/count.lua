-- count 100,000,000 down to 0 with an addition per step, as
-- examples/erl/count.erl does with a tail-recursive loop
local function loop(n, acc)
  while n > 0 do
    n = n - 1
    acc = acc + 1
  end
  return acc
end
print(loop(tonumber(arg[1] or "100000000"), 0))

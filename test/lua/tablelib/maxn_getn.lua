-- table.maxn returns the largest positive numeric key; getn is # (5.1 compat)
print(table.maxn({}), table.maxn({1, 2, 3}), table.maxn({[10] = 1, [2.5] = 1, x = 1}))
print(table.maxn({[-1] = 1}), table.getn({1, 2}))
print(type(table.setn), pcall(table.setn, {}, 1))

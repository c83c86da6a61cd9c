-- Hex strings coerce in arithmetic; lua_str2number uses C strtod, which (glibc) also reads hex fractions and p exponents
print("0x10" + 0, "0xff" * 1, " 0x1 " + 1)
print(pcall(function() return "0x1.8" + 0 end))
print(tonumber("0x1p4"), tonumber("1e1"), tonumber("0x"))

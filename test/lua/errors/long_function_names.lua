-- Error messages name their operands (ldebug.c getobjname) in functions of thousands of
-- instructions too; the VM works those names out only when an error needs them
-- (vm/src/interpreter/sites.ts), and a long chunk loads as fast as a short one.
-- (Few distinct constants: past 256, lua5.1 names table keys '?'.)
local prefix = { "local t, s, u, missing = {}, 'x', {}, nil" }
for i = 1, 3000 do prefix[#prefix + 1] = "t[#t + 1] = { n = #t * 2, s = s .. #t }" end
prefix = table.concat(prefix, "\n") .. "\n"

local cases = {
  "return missing.y",
  "return undefinedglobal.z",
  "return t.absent.z",
  "return s + t",
  "return 'a' .. t",
  "return t[1].n .. u",
  "undefinedfn()",
  "local function inner() return u.v.w end return inner()",
  "return t:nomethod()",
  "return string.rep()",
  "return #missing",
  "return -t",
  "return t < t",
  "return t[3000].n + t[2999].s",
}
for _, case in ipairs(cases) do
  local chunk, err = loadstring(prefix .. case, "=long")
  if not chunk then
    print("load error", err)
  else
    print(pcall(chunk))
  end
end

-- The same chunk without an error runs to the end.
local chunk = assert(loadstring(prefix .. "return #t, t[3000].n, t[3000].s", "=long"))
print(chunk())

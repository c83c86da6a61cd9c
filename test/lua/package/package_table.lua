-- The package table itself: fields, defaults, seeall, loadlib.
local names = {}
for k, v in pairs(package) do
  names[#names + 1] = k .. ":" .. type(v)
end
table.sort(names)
print(table.concat(names, " "))
print(package.config)
print(package.path)
print(package.cpath)
print(#package.loaders, next(package.preload))

-- The standard libraries are registered as loaded.
print(package.loaded._G == _G, package.loaded.package == package, package.loaded.string == string,
  package.loaded.table == table, package.loaded.math == math, package.loaded.io == io,
  package.loaded.os == os)
print(require("string") == string, require("_G") == _G)

-- seeall: a metatable whose __index is the globals.
local m = {}
package.seeall(m)
print(getmetatable(m).__index == _G, m.print == print)
local withmt = setmetatable({}, { __index = function() return "old" end, extra = 1 })
package.seeall(withmt)
print(getmetatable(withmt).extra, withmt.tostring == tostring)
print(pcall(package.seeall))
print(pcall(package.seeall, "x"))

-- loadlib cannot open a library that does not exist.
print(package.loadlib("./no_such_library.so", "luaopen_x"))
print(pcall(package.loadlib, "x"))
print(pcall(package.loadlib))

-- package.preload and package.loaders: the searchers require asks in turn.
package.path = "test/lua/package/modules/?.luamod"
package.cpath = ""

package.preload.greeting = function(...)
  print("preload loader called with", ...)
  return { text = "hello" }
end
print(require("greeting").text, require("greeting") == package.loaded.greeting)

-- A preload entry that is not a function counts as a message if it is a string.
package.preload.odd = "-- odd entry --"
print(pcall(require, "odd"))

-- A loader of our own, asked first.
table.insert(package.loaders, 1, function(name)
  if name:sub(1, 7) == "custom." then
    return function(modname)
      return { from = "custom loader", name = modname }
    end
  end
  return "\n\tcustom loader does not know '" .. name .. "'"
end)
local m = require("custom.thing")
print(m.from, m.name)
print(pcall(require, "unknown"))

-- Loaders returning other values are skipped; numbers count as messages.
package.loaders = { function() return 12 end, function() return {} end, function() end }
print(pcall(require, "nothing"))

-- A loader that is not callable.
package.loaders = { 1 }
print(pcall(require, "nothing"))

package.loaders = nil
print(pcall(require, "nothing"))

-- The original package table is what require uses, even if the global changes.
local pkg = package
package = nil
pkg.loaders = { function(name) return function() return "kept " .. name end end }
print(require("via.original"))

-- module(): creating module tables, environments, options.
package.path = "test/lua/package/modules/?.luamod"

local leaf = require("tree.leaf")
print(leaf.value, leaf._NAME, leaf._PACKAGE, leaf._M == leaf, tree.leaf == leaf)
leaf.show()
print(leaf.print, leaf.type)

-- Options are called with the module, in order.
local function tag(label)
  return function(m)
    print("option", label, m._NAME)
  end
end
local function define()
  module("config.settings", tag("first"), tag("second"), package.seeall)
  answer = 42
  return getfenv(1)
end
local settings = define()
print(settings == config.settings, settings.answer, answer)
print(package.loaded["config.settings"] == settings, settings._PACKAGE)

-- A table already in package.loaded is reused; one with _NAME is not re-initialized.
package.loaded.existing = { _NAME = "custom name" }
local function reuse()
  module("existing")
  return _NAME, _M, _PACKAGE
end
print(reuse())
print(existing)

-- A module table found in the globals.
shared = { preset = true }
local function join()
  module("shared")
  return preset
end
print(join(), shared._NAME, package.loaded.shared == shared)

-- Name conflicts with non-table globals.
number_value = 10
print(pcall(function() module("number_value") end))
print(pcall(function() module("number_value.inner") end))
print(pcall(function() module("shared.preset.deeper") end))

-- module must be called from a Lua function.
print(pcall(module, "from_c"))
print(type(from_c), package.loaded.from_c == from_c)

print(pcall(module))
print(pcall(function() module("with_bad_option", "not a function") end))
